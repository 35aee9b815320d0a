import { randomBytes, type KeyObject } from 'node:crypto';
import type { CryptoProvider } from '../../common/crypto/crypto-provider';
import { SIGNATURE_HEADERS, signRequestParts, verifyResponseSignature } from '../../common/crypto/request-signature';
import { PlatformProtocolError } from './platform-errors';

/** What the terminal signs with and what it checks the platform's replies against (from enrolment). */
export interface DeviceCredentials {
  deviceId: string;
  provider: CryptoProvider;
  /** The device's private key (opened from its sealed file; never leaves the terminal). */
  privateKey: KeyObject;
  /** The platform's public key received at enrolment. */
  platformPublicKey: KeyObject;
}

/** A 2xx answer as the transport received it, before it is interpreted. */
export interface ReceivedReply {
  request: Request;
  status: number;
  headers: Headers;
  bytes: Buffer;
}

/**
 * The transport's `signRequest` hook: adds `X-Kiosk-Timestamp` (kiosk time,
 * epoch ms, corrected by `clockOffsetMs()` so a kiosk with a skewed clock
 * stays inside the platform's window), `X-Kiosk-Nonce` (16 random bytes, hex)
 * and `X-Kiosk-Signature` (`alg=…, sig=…` over method, path and query, body
 * digest, timestamp, nonce and device id; docs/sync-protocol.md). Reads the
 * body once and sends the same bytes it signed.
 */
export function createRequestSigner(credentials: DeviceCredentials, options: { now?: () => number; clockOffsetMs?: () => number } = {}): (request: Request) => Promise<Request> {
  const now = options.now ?? Date.now;
  const offset = options.clockOffsetMs ?? (() => 0);
  return async (request) => {
    const body = Buffer.from(await request.arrayBuffer());
    const url = new URL(request.url);
    const timestamp = Math.round(now() + offset());
    const nonce = randomBytes(16).toString('hex');
    const headers = new Headers(request.headers);
    headers.set(SIGNATURE_HEADERS.device, credentials.deviceId);
    headers.set(SIGNATURE_HEADERS.timestamp, String(timestamp));
    headers.set(SIGNATURE_HEADERS.nonce, nonce);
    headers.set(
      SIGNATURE_HEADERS.signature,
      signRequestParts(credentials.provider, credentials.privateKey, { method: request.method, pathAndQuery: url.pathname + url.search, body, timestamp, nonce, deviceId: credentials.deviceId }),
    );
    return new Request(request.url, { method: request.method, headers, signal: request.signal, ...(request.method === 'GET' || request.method === 'HEAD' ? {} : { body }) });
  };
}

/**
 * The transport's `verifyReply` hook: throws {@link PlatformProtocolError}
 * unless a 2xx answer carries `X-Platform-Signature` by the enrolled platform
 * key over this request's nonce, the status, the body digest and
 * `X-Platform-Time`. The caller then keeps its last good state (the answer is
 * never applied).
 */
export function createReplyVerifier(credentials: DeviceCredentials): (reply: ReceivedReply) => void {
  return (reply) => {
    const nonce = reply.request.headers.get(SIGNATURE_HEADERS.nonce) ?? '';
    const ok = verifyResponseSignature(reply.headers.get(SIGNATURE_HEADERS.platformSignature), credentials.provider, credentials.platformPublicKey, {
      requestNonce: nonce,
      status: reply.status,
      body: reply.bytes,
      platformTime: reply.headers.get('x-platform-time') ?? '',
    });
    if (!ok) throw new PlatformProtocolError(`${reply.request.method} ${new URL(reply.request.url).pathname}: platform reply is unsigned or its signature does not verify`);
  };
}
