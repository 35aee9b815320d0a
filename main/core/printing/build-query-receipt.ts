import type { ReceiptDocument } from '../../../drivers/receipt-printer/index';
import { DEFAULT_TIME_ZONE, formatLocalDateTime } from '../../../common/domain/local-time';
import { maskForPaper, type SessionQuery } from '../services/query-service';
import type { ReceiptSite } from './build-receipt';

/** Most answer lines a query receipt carries (the document holds 100 lines; the head and tail take the rest). */
export const MAX_QUERY_RECEIPT_LINES = 90;

/**
 * Builds the printout of a query answer ("查询结果单"): the item, when the
 * platform answered, then each section's heading and lines. Identifiers
 * (names, ID and account numbers) are masked here, before the document is
 * journalled; amounts are printed in full — the paper is the person's answer.
 * Longer answers are cut at {@link MAX_QUERY_RECEIPT_LINES} lines with a note.
 * No QR code: there is no application to track.
 */
export function buildQueryReceipt(query: SessionQuery, site: ReceiptSite): ReceiptDocument {
  const timeZone = site.timeZone ?? DEFAULT_TIME_ZONE;
  const body: ReceiptDocument['lines'] = [];
  for (const section of query.answer.sections) {
    body.push({ label: `【${section.heading}】`, value: '' });
    for (const row of section.rows) body.push({ label: row.label, value: maskForPaper(row) });
  }
  const cut = body.length > MAX_QUERY_RECEIPT_LINES;
  return {
    title: '查询结果单',
    subtitle: query.answer.title,
    lines: [
      { label: '查询事项', value: query.service.name },
      { label: '查询部门', value: query.service.department },
      { label: '查询时间', value: formatLocalDateTime(query.askedAt, timeZone) },
      ...body.slice(0, MAX_QUERY_RECEIPT_LINES),
      ...(cut ? [{ label: '……', value: '内容较多，其余请在屏幕上查看' }] : []),
      { label: '终端', value: `${site.siteName} ${site.deviceId.slice(0, 8)}` },
    ],
    qr: null,
    footer: `${query.answer.note}\n本单仅为查询结果，不是办件回执。`,
  };
}
