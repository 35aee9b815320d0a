/**
 * Builds a minimal valid one-page A4 PDF (PDF 1.4, correct xref table) that
 * shows each line of `lines` in Helvetica 14 pt: the technician's A4 test
 * page, and the documents of the CUPS tests. Written by hand because the
 * page is five objects and the kiosk ships no PDF library (the certificates
 * it prints come ready-made from the platform). Lines must be printable
 * ASCII; parentheses and backslashes are escaped. Throws RangeError for any
 * other character.
 */
export function makeTextPdf(lines: string[]): Uint8Array {
  for (const l of lines) if (!/^[\x20-\x7e]*$/.test(l)) throw new RangeError('makeTextPdf: printable ASCII only');
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = ['BT', '/F1 14 Tf', '72 770 Td', '18 TL', ...lines.map((l) => `(${escape(l)}) '`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** The A4 test page: what it is, the terminal and the time (no personal data). */
export function a4TestPagePdf(deviceId: string, now: Date = new Date()): Uint8Array {
  const safeId = deviceId.replace(/[^\x20-\x7e]/g, '?');
  return makeTextPdf(['Kiosk A4 test page', `Terminal: ${safeId}`, `Time (UTC): ${now.toISOString().slice(0, 19).replace('T', ' ')}`, 'If this page is clear and straight, the A4 printer works.']);
}
