import type { ReceiptDocument } from '../../../drivers/receipt-printer/index';
import { maskIdNumber, maskName } from '../../../common/domain/masking';
import type { SessionTransaction } from '../services/transactions-service';

/** Site facts printed on every receipt. */
export interface ReceiptSite {
  siteName: string;
  deviceId: string;
}

function formatLocal(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Builds the receipt for a submitted transaction. Personal values are masked
 * here, before the document is journalled or encoded, so no full name or ID
 * number is ever at rest in the print journal or on paper.
 */
export function buildTransactionReceipt(tx: SessionTransaction, site: ReceiptSite): ReceiptDocument {
  return {
    title: '政务服务办件回执',
    lines: [
      { label: '受理编号', value: tx.receiptNumber },
      { label: '办理事项', value: tx.service.name },
      { label: '受理部门', value: tx.service.department },
      { label: '申请人', value: maskName(tx.applicantName) },
      ...(tx.applicantIdNumber ? [{ label: '证件号码', value: maskIdNumber(tx.applicantIdNumber) }] : []),
      { label: '提交时间', value: formatLocal(tx.createdAt) },
      { label: '状态', value: tx.status === 'delivered' ? '已提交' : '已保存，网络恢复后自动发送' },
      { label: '办理时限', value: tx.service.guide.timeLimit },
      { label: '终端', value: `${site.siteName} ${site.deviceId.slice(0, 8)}` },
    ],
    qr: `ZWFW:${tx.receiptNumber}:${tx.id}`,
    footer: '凭受理编号查询办理进度。请妥善保管本回执。',
  };
}
