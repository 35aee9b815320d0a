import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { providerForSignature } from '../../common/crypto/providers';
import { isValidIdNumber } from '../../common/domain/id-number';
import { issueAuthorisation, readAuthorisation } from '../delegation/authorisation-token';
import { checkGuardian } from '../delegation/household-register';
import { HttpError, parseBody } from '../http-error';
import type { PlatformContext } from '../platform-context';

const IdNumber = z.string().regex(/^\d{17}[\dXx]$/).refine(isValidIdNumber, 'fails the GB 11643 check').transform((s) => s.toUpperCase());

const IssueSchema = z
  .object({
    agentIdNumber: IdNumber,
    principal: z.object({ name: z.string().min(1).max(50), idNumber: IdNumber }).strict(),
    services: z.array(z.string().min(1).max(64)).min(1).max(20),
    /** Validity from platform time, seconds; negative issues an already expired authorisation (tests). Default 7 days. */
    validForSeconds: z.number().int().min(-86_400).max(90 * 86_400).default(7 * 86_400),
    algorithm: z.string().max(32).default('ed25519'),
  })
  .strict();

const VerifySchema = z.object({ token: z.string().min(1).max(2048), agentIdNumber: z.string().min(1).max(18) }).strict();
const GuardianSchema = z.object({ guardianIdNumber: z.string().min(1).max(18), childIdNumber: z.string().min(1).max(18), relation: z.enum(['parent', 'other-relative']) }).strict();

/**
 * Acting for another person (代办), docs/sync-protocol.md §3.9:
 * `POST /admin/delegations` plays the principal's phone (issues a signed
 * authorisation QR); `POST /api/v1/delegations/verify` checks one for the
 * agent at the kiosk; `POST /api/v1/delegations/guardian-check` checks a
 * guardian and a child under 14 against the (simulated) household register.
 */
export function registerDelegationRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/admin/delegations', async (request) => {
    const body = parseBody(IssueSchema, request.body);
    const provider = providerForSignature(body.algorithm);
    if (!provider) throw new HttpError(400, 'algorithm-unsupported', `unknown signature algorithm ${body.algorithm}`);
    const iat = Math.floor(Date.parse(request.platformTime) / 1000);
    const exp = iat + body.validForSeconds;
    const authorisationId = randomBytes(12).toString('base64url');
    const token = issueAuthorisation(provider, ctx.trust.platformKey(provider).privateKey, {
      aid: authorisationId,
      agent: body.agentIdNumber,
      principal: body.principal,
      services: body.services,
      iat,
      exp,
    });
    return { token, authorisationId, expiresAt: new Date(exp * 1000).toISOString() };
  });

  app.post('/api/v1/delegations/verify', async (request, reply) => {
    const body = parseBody(VerifySchema, request.body);
    const refuse = (error: string, message: string) => reply.code(422).send({ error, message, serverTime: request.platformTime });
    const payload = readAuthorisation(body.token, (provider) => ctx.trust.platformKey(provider).publicKey);
    if (!payload) return refuse('authorisation-invalid', 'not an authorisation this platform signed');
    if (Date.parse(request.platformTime) >= payload.exp * 1000) return refuse('authorisation-expired', 'the authorisation has expired');
    if (payload.agent !== body.agentIdNumber.toUpperCase()) return refuse('authorisation-other-agent', 'the authorisation names another agent');
    return {
      serverTime: request.platformTime,
      authorisationId: payload.aid,
      principal: payload.principal,
      services: payload.services,
      expiresAt: new Date(payload.exp * 1000).toISOString(),
    };
  });

  app.post('/api/v1/delegations/guardian-check', async (request, reply) => {
    const body = parseBody(GuardianSchema, request.body);
    const result = checkGuardian(body.guardianIdNumber.toUpperCase(), body.childIdNumber.toUpperCase(), new Date(request.platformTime));
    if (!result.ok) return reply.code(422).send({ error: result.reason, message: `guardian check refused: ${result.reason}`, serverTime: request.platformTime });
    return { serverTime: request.platformTime, checkId: randomUUID(), child: { name: result.childName, idNumber: body.childIdNumber.toUpperCase() } };
  });
}
