import { PDFDocument } from '@napi-rs/canvas';
import QRCode from 'qrcode';

/** One titled block of what the certificate certifies (the record's content). */
export interface CertifiedSection {
  heading: string;
  rows: Array<{ label: string; value: string }>;
}

/** What a certificate shows. */
export interface CertificateContent {
  /** The document's name, e.g. 社会保险参保缴费证明 (see certificateTitle). */
  title: string;
  /** The holder's full name: a certificate is the person's own official document. */
  holderName: string;
  /** The holder's full ID number, or null when the record has none. */
  holderIdNumber: string | null;
  /** What the record says, certified (contribution years, household members…). */
  sections: CertifiedSection[];
  /** Date printed on the certificate, e.g. 2026年11月22日 (Beijing time). */
  dateText: string;
  transactionId: string;
  /** URL the verification QR code encodes (also printed as text). */
  verifyUrl: string;
}

/** Record lines that fit on the page above the verification block; more are cut with a line saying so. */
const MAX_RECORD_LINES = 14;

const A4_WIDTH_PT = 595.28;
const A4_HEIGHT_PT = 841.89;
/**
 * DejaVu Sans for Latin and digits (Droid's digits become unextractable Type 3
 * glyphs), then Droid Sans Fallback for Chinese: its PDF text maps back to the
 * right ideographs, where Noto CJK maps some to Kangxi radicals.
 */
const CJK_FONT = '"DejaVu Sans", "Droid Sans Fallback", "Noto Sans CJK JP", sans-serif';

/** The record's lines as printed: a heading line per section, then `label：value` rows, at most {@link MAX_RECORD_LINES}. */
function recordLines(sections: readonly CertifiedSection[]): Array<{ text: string; heading: boolean }> {
  const lines = sections.flatMap((s) => [{ text: s.heading, heading: true }, ...s.rows.map((r) => ({ text: `${r.label}：${r.value}`, heading: false }))]);
  if (lines.length <= MAX_RECORD_LINES) return lines;
  return [...lines.slice(0, MAX_RECORD_LINES - 1), { text: '（记录较多，全部内容请扫码核验查看）', heading: false }];
}

/**
 * Renders a one-page A4 certificate PDF with Skia: the document's title, the
 * holder (full name and ID number: the person's own document), what the
 * record certifies, the date, the transaction id, the verification URL (all
 * as real, extractable text) and a vector verification QR code. Throws when
 * the QR payload is too long.
 */
export function renderCertificatePdf(c: CertificateContent): Buffer {
  const doc = new PDFDocument({ title: c.title, creator: 'platform-sim', producer: 'platform-sim' });
  const ctx = doc.beginPage(A4_WIDTH_PT, A4_HEIGHT_PT);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, A4_WIDTH_PT, A4_HEIGHT_PT);
  ctx.fillStyle = '#000000';
  ctx.textAlign = 'center';
  ctx.font = `bold 30px ${CJK_FONT}`;
  ctx.fillText(c.title, A4_WIDTH_PT / 2, 110, A4_WIDTH_PT - 100);
  ctx.textAlign = 'left';
  ctx.font = `16px ${CJK_FONT}`;
  const head = [`持证人：${c.holderName}`, ...(c.holderIdNumber ? [`公民身份号码：${c.holderIdNumber}`] : []), '经查，记录如下：'];
  head.forEach((line, i) => ctx.fillText(line, 70, 170 + i * 26, A4_WIDTH_PT - 140));
  let y = 170 + head.length * 26;
  for (const line of recordLines(c.sections)) {
    ctx.font = line.heading ? `bold 15px ${CJK_FONT}` : `15px ${CJK_FONT}`;
    ctx.fillText(line.text, line.heading ? 70 : 90, y, A4_WIDTH_PT - 160);
    y += 22;
  }
  ctx.font = `16px ${CJK_FONT}`;
  const tail = [`出具日期：${c.dateText}`, `业务编号：${c.transactionId}`, '本证明由政务服务平台出具，扫描下方二维码或访问以下地址核验真伪：', c.verifyUrl];
  tail.forEach((line, i) => ctx.fillText(line, 70, y + 14 + i * 26, A4_WIDTH_PT - 140));

  const qr = QRCode.create(c.verifyUrl, { errorCorrectionLevel: 'M' });
  const cell = 3;
  const left = (A4_WIDTH_PT - qr.modules.size * cell) / 2;
  const top = Math.max(y + 14 + tail.length * 26, 560);
  for (let qy = 0; qy < qr.modules.size; qy++) {
    for (let qx = 0; qx < qr.modules.size; qx++) {
      if (qr.modules.get(qy, qx)) ctx.fillRect(left + qx * cell, top + qy * cell, cell, cell);
    }
  }
  ctx.font = `12px ${CJK_FONT}`;
  ctx.fillText('（自助终端打印件，与窗口出具的具有同等效力）', 70, 800);
  doc.endPage();
  return doc.close();
}
