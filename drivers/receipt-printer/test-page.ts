import type { ReceiptDocument } from './receipt-document';

/**
 * The page `kioskctl printer test` prints: Chinese text, a rare character
 * outside 2-byte GB18030 (𠀋, rasterised), a QR code and a cut. Contains no
 * personal data.
 */
export function testPageDocument(now: Date = new Date()): ReceiptDocument {
  return {
    title: '打印机测试页',
    subtitle: '政务服务自助终端',
    lines: [
      { label: '中文', value: '政务服务' },
      { label: '生僻字', value: '𠀋 (U+2000B)' },
      { label: 'ASCII', value: 'ABC abc 0123456789' },
      { label: '时间', value: now.toISOString().slice(0, 19).replace('T', ' ') },
    ],
    qr: 'https://zwfw.example.gov.cn/verify?test=1',
    qrCaption: '扫码测试',
    footer: '如能看清以上内容与二维码，打印机工作正常。',
  };
}
