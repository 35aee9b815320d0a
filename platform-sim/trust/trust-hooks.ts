import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseSignatureHeader, requestSigningString, SIGNATURE_HEADERS, signResponseParts } from '../../common/crypto/request-signature';
import { providerForSignature } from '../../common/crypto/providers';
import { HttpError } from '../http-error';
import type { PlatformContext } from '../platform-context';

/** Paths a kiosk calls before it has a device key registered: enrolment only. */
const UNSIGNED_PATHS = new Set(['/api/v1/enrolment']);

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Checks the kiosk signature of every `/api/` request (after the fault hooks)
 * and signs the platform's answer to a signed request. Refusals, each a 401
 * unless stated: `signature-missing` (no signature while signatures are
 * required), `signature-malformed` (headers present but unparsable),
 * `device-unknown`, `device-revoked` (403), `signature-algorithm-mismatch`
 * (another algorithm than the one enrolled), `timestamp-out-of-window`
 * (farther than the window from platform time; `/api/v1/time` is exempt so
 * a kiosk with a wrong clock can learn its offset), `signature-invalid`
 * (forged or altered), `signature-replayed` (nonce seen within the window),
 * `device-mismatch` (a body naming another device than the signer).
 */
export function installTrustHooks(app: FastifyInstance, ctx: PlatformContext): void {
  app.decorateRequest('rawBody', null);
  app.decorateRequest('signedBy', null);

  app.addHook('preHandler', async (request) => {
    const path = request.url.split('?')[0]!;
    if (!path.startsWith('/api/') || UNSIGNED_PATHS.has(path)) return;
    const trust = ctx.trust;
    const signature = header(request, SIGNATURE_HEADERS.signature);
    if (signature === undefined) {
      if (trust.requireSignedRequests) throw new HttpError(401, 'signature-missing', 'request is not signed (X-Kiosk-Signature)');
      return;
    }
    const deviceId = header(request, SIGNATURE_HEADERS.device) ?? '';
    const timestampText = header(request, SIGNATURE_HEADERS.timestamp) ?? '';
    const nonce = header(request, SIGNATURE_HEADERS.nonce) ?? '';
    const parsed = parseSignatureHeader(signature);
    if (!parsed || !/^[0-9]{1,15}$/.test(timestampText) || !/^[0-9a-f]{32}$/.test(nonce)) {
      throw new HttpError(401, 'signature-malformed', 'signature headers are malformed (X-Kiosk-Signature, X-Kiosk-Timestamp, X-Kiosk-Nonce)');
    }
    const device = trust.devices.get(deviceId);
    if (!device) throw new HttpError(401, 'device-unknown', 'device is not enrolled');
    if (device.revokedAt !== null) throw new HttpError(403, 'device-revoked', `device was revoked at ${device.revokedAt}`);
    const provider = providerForSignature(device.algorithm);
    if (!provider || parsed.provider !== provider) throw new HttpError(401, 'signature-algorithm-mismatch', `device is enrolled with ${device.algorithm}`);
    const timestamp = Number(timestampText);
    const now = ctx.clock.nowMs();
    if (path !== '/api/v1/time' && Math.abs(now - timestamp) > trust.windowMs) {
      throw new HttpError(401, 'timestamp-out-of-window', `request timestamp is more than ${trust.windowMs / 1000} s from platform time`);
    }
    const data = requestSigningString(provider, { method: request.method, pathAndQuery: request.url, body: request.rawBody ?? Buffer.alloc(0), timestamp, nonce, deviceId });
    if (!provider.verify(provider.importPublicKey(Buffer.from(device.publicKey, 'base64')), data, parsed.signature)) {
      throw new HttpError(401, 'signature-invalid', 'signature does not verify against the enrolled key');
    }
    if (!trust.nonces.remember(`${deviceId}:${nonce}`, now, now + 2 * trust.windowMs)) throw new HttpError(401, 'signature-replayed', 'nonce was already used');
    const bodyDevice = (request.body as { deviceId?: unknown } | undefined)?.deviceId;
    if (bodyDevice !== undefined && bodyDevice !== deviceId) throw new HttpError(401, 'device-mismatch', 'body names another device than the signer');
    request.signedBy = { deviceId, nonce, algorithm: device.algorithm };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const signer = request.signedBy;
    if (!signer || !(typeof payload === 'string' || Buffer.isBuffer(payload))) return payload;
    const provider = providerForSignature(signer.algorithm)!;
    const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
    const platformTime = String(reply.getHeader('X-Platform-Time') ?? request.platformTime);
    reply.header('X-Platform-Time', platformTime);
    reply.header(
      'X-Platform-Signature',
      signResponseParts(provider, ctx.trust.platformKey(provider).privateKey, { requestNonce: signer.nonce, status: reply.statusCode, body, platformTime }),
    );
    return payload;
  });
}
