import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { providerForSignature } from '../../common/crypto/providers';
import { HttpError, parseBody } from '../http-error';
import type { PlatformContext } from '../platform-context';

const EnrolSchema = z.object({
  code: z.string().regex(/^[A-Z0-9]{4,32}$/),
  algorithm: z.string().max(32),
  /** SPKI DER, base64. */
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{40,400}={0,2}$/),
}).strict();

const CodeSchema = z.object({ siteId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/) }).strict();

/**
 * `POST /api/v1/enrolment` (unsigned: the code is the credential) and the
 * test-only admin side: `POST /admin/enrolment-codes`, `GET /admin/devices`,
 * `POST /admin/devices/:deviceId/revoke`.
 */
export function registerEnrolmentRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/api/v1/enrolment', async (request) => {
    const body = parseBody(EnrolSchema, request.body);
    const provider = providerForSignature(body.algorithm);
    if (!provider) throw new HttpError(400, 'algorithm-unsupported', `unknown signature algorithm ${body.algorithm}`);
    try {
      provider.importPublicKey(Buffer.from(body.publicKey, 'base64'));
    } catch {
      throw new HttpError(400, 'public-key-invalid', `publicKey is not an ${body.algorithm} SPKI key`);
    }
    const result = ctx.trust.devices.redeem(body.code, body.algorithm, body.publicKey, request.platformTime);
    if (!result.ok) throw new HttpError(403, result.reason, result.reason === 'enrolment-code-used' ? 'enrolment code was already used' : 'enrolment code is unknown');
    const platformPublicKey = ctx.trust.platformKey(provider).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    return { deviceId: result.device.deviceId, siteId: result.device.siteId, algorithm: body.algorithm, platformPublicKey, serverTime: request.platformTime };
  });

  app.post('/admin/enrolment-codes', async (request) => {
    const { siteId } = parseBody(CodeSchema, request.body);
    return { code: ctx.trust.devices.issueCode(siteId, request.platformTime), siteId };
  });

  app.get('/admin/devices', async () => ctx.trust.devices.list());

  app.post<{ Params: { deviceId: string } }>('/admin/devices/:deviceId/revoke', async (request) => {
    if (!ctx.trust.devices.revoke(request.params.deviceId, request.platformTime)) throw new HttpError(404, 'device-unknown', 'no such device');
    return ctx.trust.devices.get(request.params.deviceId);
  });

  app.post('/admin/trust', async (request) => {
    const { requireSignedRequests } = parseBody(z.object({ requireSignedRequests: z.boolean() }).strict(), request.body);
    ctx.trust.requireSignedRequests = requireSignedRequests;
    return { requireSignedRequests };
  });
}
