/** The kiosk's own PDF builder (drivers/a4-printer/test-page-pdf.ts), shared with the CUPS tests. */
export { makeTextPdf } from '../../../drivers/a4-printer/test-page-pdf';
