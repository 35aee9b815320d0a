import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { providerForSignature } from '../../common/crypto/providers';
import { issueTechnicianCredential } from '../../common/crypto/technician-credential';
import { HttpError, parseBody } from '../http-error';
import type { PlatformContext } from '../platform-context';

const Id = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/);

const IssueSchema = z.object({
  technicianId: Id,
  name: z.string().min(1).max(40),
  /** Site ids covered; `*` for every site. */
  siteIds: z.array(z.union([Id, z.literal('*')])).max(64).default([]),
  deviceIds: z.array(Id).max(64).default([]),
  pin: z.string().regex(/^\d{4,8}$/),
  /** Validity from platform time, seconds; negative issues an already expired credential (tests). Default 8 h. */
  validForSeconds: z.number().int().min(-86_400).max(30 * 86_400).default(8 * 3600),
  /** Platform key to sign with: `ed25519` (default) or `sm2-sm3`, the algorithm the terminal enrolled with. */
  algorithm: z.string().max(32).default('ed25519'),
  /** Kind of credential: `technician` (default) or `staff` (a partner site's smaller role). */
  role: z.enum(['technician', 'staff']).default('technician'),
}).strict();

/**
 * `POST /admin/technician-credentials` (test and operator side, never called
 * by the kiosk): issues a technician credential signed with the platform's
 * key (common/crypto/technician-credential.ts), the string a QR code
 * carries. The PIN goes in only as a salted scrypt hash.
 */
export function registerTechnicianRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/admin/technician-credentials', async (request) => {
    const body = parseBody(IssueSchema, request.body);
    const provider = providerForSignature(body.algorithm);
    if (!provider) throw new HttpError(400, 'algorithm-unsupported', `unknown signature algorithm ${body.algorithm}`);
    if (body.siteIds.length + body.deviceIds.length === 0) throw new HttpError(400, 'coverage-missing', 'name at least one site or device');
    const issuedAt = new Date(request.platformTime);
    const expiresAt = new Date(issuedAt.getTime() + body.validForSeconds * 1000);
    const credential = issueTechnicianCredential(provider, ctx.trust.platformKey(provider).privateKey, {
      technicianId: body.technicianId,
      name: body.name,
      sites: body.siteIds,
      devices: body.deviceIds,
      pin: body.pin,
      salt: randomBytes(16),
      issuedAt,
      expiresAt,
      role: body.role,
    });
    return { credential, technicianId: body.technicianId, role: body.role, expiresAt: expiresAt.toISOString() };
  });
}
