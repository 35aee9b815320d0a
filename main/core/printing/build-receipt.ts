import type { ReceiptDocument } from '../../../drivers/receipt-printer/index';
import { maskIdNumber, maskName } from '../../../common/domain/masking';
import type { SessionBundle, SessionTransaction } from '../services/transactions-service';

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

const statusText = (tx: SessionTransaction) => (tx.status === 'delivered' ? '已提交' : '已保存，网络恢复后自动发送');

/**
 * Builds ONE receipt for a life-event bundle ("一件事一次办") listing every
 * item with its own receipt number and status. Personal values masked as on
 * the single receipt. The QR carries the bundle reference and every receipt number.
 */
export function buildBundleReceipt(bundle: SessionBundle, items: readonly SessionTransaction[], site: ReceiptSite): ReceiptDocument {
  const first = items[0];
  if (!first) throw new TypeError('a bundle receipt needs at least one item');
  return {
    title: '政务服务办件回执',
    subtitle: `${bundle.name}（一件事一次办）`,
    lines: [
      { label: '申请人', value: maskName(first.applicantName) },
      ...(first.applicantIdNumber ? [{ label: '证件号码', value: maskIdNumber(first.applicantIdNumber) }] : []),
      { label: '提交时间', value: formatLocal(first.createdAt) },
      { label: '事项数', value: String(items.length) },
      ...items.flatMap((tx, n) => [
        { label: `事项${n + 1}`, value: tx.service.name },
        { label: '受理编号', value: tx.receiptNumber },
        { label: '状态', value: statusText(tx) },
        { label: '办理时限', value: tx.service.guide.timeLimit },
      ]),
      { label: '终端', value: `${site.siteName} ${site.deviceId.slice(0, 8)}` },
    ],
    qr: `ZWFW-BUNDLE:${bundle.ref}:${items.map((tx) => tx.receiptNumber).join(',')}`,
    footer: '凭各事项的受理编号查询办理进度。请妥善保管本回执。',
  };
}
