import type { FastifyInstance } from 'fastify';
import { isValidIdNumber } from '../../common/domain/id-number';
import { parseBody } from '../http-error';
import { QrIdentitySchema } from '../protocol/request-schemas';

const EID = /^EID:(\d{17}[\dXx]):(.{1,50})$/su;

/**
 * `POST /api/v1/identity/qr`: accepts `EID:<id number>:<name>` whose id number
 * passes the GB 11643 check → `{serverTime, name, idNumber}`; otherwise 422 `qr-rejected`.
 */
export function registerIdentityRoutes(app: FastifyInstance): void {
  app.post('/api/v1/identity/qr', async (request, reply) => {
    const { payload } = parseBody(QrIdentitySchema, request.body);
    const match = EID.exec(payload.trim());
    const name = match?.[2]?.trim() ?? '';
    if (!match || !isValidIdNumber(match[1]!) || name === '' || /[\p{Cc}:]/u.test(name)) {
      return reply.code(422).send({ error: 'qr-rejected', message: 'not a valid e-ID code', serverTime: request.platformTime });
    }
    return { serverTime: request.platformTime, name, idNumber: match[1]!.toUpperCase() };
  });
}
