/**
 * ESC/POS receipt printer driver: encoder, status decoding, the printer
 * session, transports and the simulator. See docs/devices/receipt-printer.md.
 */
export type { ReceiptDocument, ReceiptLine, PersonalField } from './receipt-document';
export { ReceiptDocumentSchema } from './receipt-document';
export { encodeReceipt, encodeReceiptSegments, printedValue, type EncodeOptions } from './encoder/encode-receipt';
export * as escpos from './escpos/commands';
export { encodeGb18030, decodeGb18030, needsRaster } from './escpos/gb18030';
export {
  decodeAsb,
  decodeEot1,
  decodeEot2,
  decodeEot3,
  decodeEot4,
  decodePaperSensor,
  decodeRealtimeStatus,
  type PaperLevel,
  type PrinterCondition,
} from './parsers/status-bytes';
export { ReplyFramer, type PrinterReply } from './parsers/reply-framer';
export { openReceiptPrinter, type ReceiptPrinter, type ReceiptPrinterOptions, type PrintOptions, type PrintOutcome, type PrinterStatusReply } from './printer/receipt-printer';
export { printFailureReason, conditionError, type PrintFailureReason } from './printer/print-errors';
export { testPageDocument } from './test-page';
export { ReceiptPrinterSimulator, SIM_PRINTER_PROFILES, type SimPrinterProfile, type SimulatorOptions, type PrintedEvent } from './sim/simulator';
export { SIM_FAULT_NAMES, isKnownFault, type SimCondition } from './sim/sim-faults';
export { parseEscPos } from './sim/parse-escpos';
export { receiptText, type ParsedReceipt, type ParsedElement } from './sim/parsed-receipt';
export { renderReceiptPng } from './sim/preview';
export { openPrinterPort } from './open-printer-port';
