import { PDFDocument } from '@napi-rs/canvas';
import QRCode from 'qrcode';

/** What a certificate shows. */
export interface CertificateContent {
  /** Catalogue item name, e.g. 无犯罪记录证明. */
  serviceName: string;
  /** Applicant name, already masked (张*). */
  maskedName: string;
  /** Date printed on the certificate, e.g. 2026年11月22日. */
  dateText: string;
  transactionId: string;
  /** URL the verification QR code encodes (also printed as text). */
  verifyUrl: string;
}

const A4_WIDTH_PT = 595.28;
const A4_HEIGHT_PT = 841.89;
/**
 * DejaVu Sans for Latin and digits (Droid's digits become unextractable Type 3
 * glyphs), then Droid Sans Fallback for Chinese: its PDF text maps back to the
 * right ideographs, where Noto CJK maps some to Kangxi radicals.
 */
const CJK_FONT = '"DejaVu Sans", "Droid Sans Fallback", "Noto Sans CJK JP", sans-serif';

/**
 * Renders a one-page A4 certificate PDF with Skia: title, masked applicant,
 * date, transaction id, verification URL (all as real, extractable text) and
 * a vector verification QR code. Throws when the QR payload is too long.
 */
export function renderCertificatePdf(c: CertificateContent): Buffer {
  const doc = new PDFDocument({ title: c.serviceName, creator: 'platform-sim', producer: 'platform-sim' });
  const ctx = doc.beginPage(A4_WIDTH_PT, A4_HEIGHT_PT);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, A4_WIDTH_PT, A4_HEIGHT_PT);
  ctx.fillStyle = '#000000';
  ctx.textAlign = 'center';
  ctx.font = `bold 30px ${CJK_FONT}`;
  ctx.fillText(c.serviceName, A4_WIDTH_PT / 2, 130, A4_WIDTH_PT - 100);
  ctx.textAlign = 'left';
  ctx.font = `16px ${CJK_FONT}`;
  const lines = [
    `申请人：${c.maskedName}`,
    `出具日期：${c.dateText}`,
    `业务编号：${c.transactionId}`,
    '本证明由政务服务平台出具，扫描下方二维码或访问以下地址核验真伪：',
    c.verifyUrl,
  ];
  lines.forEach((line, i) => ctx.fillText(line, 70, 220 + i * 32, A4_WIDTH_PT - 140));

  const qr = QRCode.create(c.verifyUrl, { errorCorrectionLevel: 'M' });
  const cell = 4;
  const left = (A4_WIDTH_PT - qr.modules.size * cell) / 2;
  const top = 420;
  for (let y = 0; y < qr.modules.size; y++) {
    for (let x = 0; x < qr.modules.size; x++) {
      if (qr.modules.get(y, x)) ctx.fillRect(left + x * cell, top + y * cell, cell, cell);
    }
  }
  ctx.font = `12px ${CJK_FONT}`;
  ctx.fillText('（自助终端打印件，与窗口出具的具有同等效力）', 70, 780);
  doc.endPage();
  return doc.close();
}
