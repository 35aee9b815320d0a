import type { FastifyInstance } from 'fastify';
import { maskName } from '../../common/domain/masking';
import { renderCertificatePdf } from '../certificate/render-certificate';
import { certificateTitle } from '../certificate/certificate-title';
import { queryRecords } from '../queries/query-records';
import { HttpError } from '../http-error';
import type { PlatformContext } from '../platform-context';
import type { StoredRecord } from '../store/records-store';

function chinaDate(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** The holder as the application names them (the identity fields the kiosk filled from the card), or null for what is missing. */
function holder(record: StoredRecord): { name: string | null; idNumber: string | null } {
  const data = (record.payload as { data?: Record<string, unknown> }).data ?? {};
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  return { name: text(data.name ?? data.applicantName), idNumber: text(data.idNumber ?? data.applicantIdNumber) };
}

/** The holder's name masked, for the public verification answer. */
function applicantName(record: StoredRecord): string {
  const name = holder(record).name;
  return name ? maskName(name) : '（未填写）';
}

function transactionIdParam(params: unknown): string {
  const id = (params as { transactionId?: string }).transactionId ?? '';
  if (!/^[\x21-\x7e]{1,100}$/.test(id)) throw new HttpError(404, 'not-found', 'unknown transaction');
  return id;
}

/**
 * `GET /api/v1/certificates/:transactionId` → A4 PDF for an accepted
 * transaction; 404 when the id is unknown; 409 `not-accepted` when it is known
 * only from a payment order or was rejected. `GET /verify/:transactionId` is
 * where the printed QR code points.
 */
export function registerCertificateRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/api/v1/certificates/:transactionId', async (request, reply) => {
    const id = transactionIdParam(request.params);
    const record = ctx.records.get('transaction', id);
    if (!record) {
      if (ctx.records.rejectionReason('transaction', id) !== undefined || ctx.payments.hasTransaction(id)) {
        throw new HttpError(409, 'not-accepted', 'the transaction has not been accepted');
      }
      throw new HttpError(404, 'not-found', 'unknown transaction');
    }
    const item = ctx.catalogue.find(record.service);
    const person = holder(record);
    // What the certificate certifies: the person's records of this item (the same simulated records a query answers with), without the holder block printed above.
    const sections = item && person.name && person.idNumber ? queryRecords(item, { name: person.name, idNumber: person.idNumber }, new Date(request.platformTime)).sections.slice(1) : [];
    const pdf = renderCertificatePdf({
      title: certificateTitle(item?.name ?? record.service),
      holderName: person.name ?? '（未填写）',
      holderIdNumber: person.idNumber,
      sections,
      dateText: chinaDate(request.platformTime),
      transactionId: id,
      verifyUrl: `${ctx.baseUrl()}/verify/${encodeURIComponent(id)}`,
    });
    return reply.type('application/pdf').header('Content-Disposition', `inline; filename="certificate-${id}.pdf"`).send(pdf);
  });

  app.get('/verify/:transactionId', async (request) => {
    const id = transactionIdParam(request.params);
    const record = ctx.records.get('transaction', id);
    if (!record) throw new HttpError(404, 'not-found', 'no such certificate');
    return {
      serverTime: request.platformTime,
      valid: true,
      transactionId: id,
      service: record.service,
      serviceName: ctx.catalogue.find(record.service)?.name ?? record.service,
      maskedName: applicantName(record),
      acceptedAt: record.acceptedAt,
    };
  });
}
