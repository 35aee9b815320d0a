import type { ReceiptDocument } from '../../drivers/receipt-printer/index';

/** A typical acceptance receipt, with two personal lines and a rare character in the address. */
export function sampleReceipt(): ReceiptDocument {
  return {
    title: '受理回执',
    subtitle: '某某市政务服务中心',
    lines: [
      { label: '事项', value: '居民身份证换领' },
      { label: '受理编号', value: 'SL20261121000123' },
      { label: '申请人', value: '张三丰', mask: 'name' },
      { label: '身份证号', value: '110101199003070015', mask: 'idNumber' },
      { label: '地址', value: '𠀋村一组' },
      { label: '办理时间', value: '2026-11-21 09:30' },
    ],
    qr: 'https://zwfw.example.gov.cn/q?n=SL20261121000123',
    qrCaption: '扫码查询办理进度',
    footer: '请妥善保管本回执\n咨询电话 12345',
  };
}
