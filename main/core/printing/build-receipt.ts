import type { ReceiptDocument } from '../../../drivers/receipt-printer/index';
import { maskIdNumber, maskName } from '../../../common/domain/masking';
import { DEFAULT_TIME_ZONE, formatLocalDateTime } from '../../../common/domain/local-time';
import { windowMaterials } from '../../../common/domain/material-route';
import type { ReceiptFee } from '../services/payment-service';
import type { SessionBundle, SessionTransaction } from '../services/transactions-service';
import type { KioskLocale } from '../../../common/contract/schemas';
import { sessionLanguageLines } from './receipt-languages';

/** Site facts printed on every receipt. */
export interface ReceiptSite {
  siteName: string;
  deviceId: string;
  /** IANA zone of the printed times (config `timeZone`); default Asia/Shanghai. */
  timeZone?: string;
}

/** The fee of a transaction as the receipt states it (from the payment service); null or absent: no fee. */
export type FeeOf = (tx: SessionTransaction) => ReceiptFee | null;

/** The channel every fee paid at the terminal goes through: the platform's unified payment, by scanning its QR code. */
export const PAYMENT_CHANNEL = '统一公共支付平台（扫码支付）';
/** How a fee not paid at the terminal is paid later (the same words as the payment screen's). */
export const PAY_LATER_HOW = '凭受理编号到窗口或在手机上缴费';

const yuan = (fen: number) => `${(fen / 100).toFixed(2)} 元`;

/** The receipt lines of a fee: amount, channel and 已缴费 when paid; amount, 未缴费 and how to pay later when not. */
function feeLines(fee: ReceiptFee | null, timeZone: string): ReceiptDocument['lines'] {
  if (!fee) return [];
  if (fee.state === 'paid') {
    return [
      { label: '缴费金额', value: yuan(fee.amountFen) },
      { label: '缴费方式', value: PAYMENT_CHANNEL },
      { label: '缴费状态', value: '已缴费' },
      { label: '缴费时间', value: formatLocalDateTime(fee.paidAt, timeZone) },
    ];
  }
  return [
    { label: '应缴金额', value: yuan(fee.amountFen) },
    { label: '缴费状态', value: '未缴费' },
    { label: '缴费办法', value: PAY_LATER_HOW },
  ];
}

/** The line naming the materials to hand in at the window (this terminal cannot capture them); none when there are none. */
function windowLines(tx: SessionTransaction): ReceiptDocument['lines'] {
  const names = windowMaterials(tx.service.materials).map((m) => m.name);
  return names.length > 0 ? [{ label: '请到窗口交', value: names.join('、') }] : [];
}

/** The agent's lines when the application was made for the applicant by someone else (代办): name and ID number masked. */
function agentLines(tx: SessionTransaction): ReceiptDocument['lines'] {
  if (!tx.agent) return [];
  return [
    { label: '代办人', value: maskName(tx.agent.name) },
    ...(tx.agent.idNumber ? [{ label: '代办人证件号码', value: maskIdNumber(tx.agent.idNumber) }] : []),
  ];
}

/**
 * Builds the receipt for a submitted transaction, in Chinese (the official
 * record); when the session is in another `locale`, its key facts are
 * repeated in that language at the end. Personal values are masked
 * here, before the document is journalled or encoded, so no full name or ID
 * number is ever at rest in the print journal or on paper.
 */
export function buildTransactionReceipt(tx: SessionTransaction, site: ReceiptSite, feeOf: FeeOf = () => null, locale?: KioskLocale): ReceiptDocument {
  const timeZone = site.timeZone ?? DEFAULT_TIME_ZONE;
  return {
    title: '政务服务办件回执',
    lines: [
      { label: '受理编号', value: tx.receiptNumber },
      { label: '办理事项', value: tx.service.name },
      { label: '受理部门', value: tx.service.department },
      { label: '申请人', value: maskName(tx.applicantName) },
      ...(tx.applicantIdNumber ? [{ label: '证件号码', value: maskIdNumber(tx.applicantIdNumber) }] : []),
      ...agentLines(tx),
      { label: '提交时间', value: formatLocalDateTime(tx.createdAt, timeZone) },
      { label: '状态', value: tx.status === 'delivered' ? '已提交' : '已保存，网络恢复后自动发送' },
      ...feeLines(feeOf(tx), timeZone),
      ...windowLines(tx),
      { label: '办理时限', value: tx.service.guide.timeLimit },
      { label: '终端', value: `${site.siteName} ${site.deviceId.slice(0, 8)}` },
      ...sessionLanguageLines([tx], locale),
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
export function buildBundleReceipt(bundle: SessionBundle, items: readonly SessionTransaction[], site: ReceiptSite, feeOf: FeeOf = () => null, locale?: KioskLocale): ReceiptDocument {
  const timeZone = site.timeZone ?? DEFAULT_TIME_ZONE;
  const first = items[0];
  if (!first) throw new TypeError('a bundle receipt needs at least one item');
  return {
    title: '政务服务办件回执',
    subtitle: `${bundle.name}（一件事一次办）`,
    lines: [
      { label: '申请人', value: maskName(first.applicantName) },
      ...(first.applicantIdNumber ? [{ label: '证件号码', value: maskIdNumber(first.applicantIdNumber) }] : []),
      ...agentLines(first),
      { label: '提交时间', value: formatLocalDateTime(first.createdAt, timeZone) },
      { label: '事项数', value: String(items.length) },
      ...items.flatMap((tx, n) => [
        { label: `事项${n + 1}`, value: tx.service.name },
        { label: '受理编号', value: tx.receiptNumber },
        { label: '状态', value: statusText(tx) },
        ...feeLines(feeOf(tx), timeZone),
        ...windowLines(tx),
        { label: '办理时限', value: tx.service.guide.timeLimit },
      ]),
      { label: '终端', value: `${site.siteName} ${site.deviceId.slice(0, 8)}` },
      ...sessionLanguageLines(items, locale),
    ],
    qr: `ZWFW-BUNDLE:${bundle.ref}:${items.map((tx) => tx.receiptNumber).join(',')}`,
    footer: '凭各事项的受理编号查询办理进度。请妥善保管本回执。',
  };
}
