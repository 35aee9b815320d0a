import { randomBytes, type KeyObject } from 'node:crypto';
import type { CryptoProvider } from '../../common/crypto/crypto-provider';
import { SIGNATURE_HEADERS, signRequestParts, verifyResponseSignature } from '../../common/crypto/request-signature';
import { PlatformReplyRejectedError } from './trust-errors';

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

/** Default accepted distance between a signed reply's `X-Platform-Time` and the kiosk's corrected clock: ±300 s (the platform's request window). */
export const REPLY_WINDOW_MS = 300_000;

/** Options of {@link createReplyVerifier}. */
export interface ReplyVerifierOptions {
  /** Kiosk clock in ms. Default `Date.now`. */
  now?: () => number;
  /** Platform − kiosk clock offset in ms (the last clock reading). Default 0. */
  clockOffsetMs?: () => number;
  /** Accepted distance of the reply's platform time from the corrected kiosk clock, in ms. Default {@link REPLY_WINDOW_MS}. */
  windowMs?: number;
}

/**
 * The transport's `verifyReply` hook: throws {@link PlatformReplyRejectedError}
 * unless a 2xx answer carries `X-Platform-Signature` by the enrolled platform
 * key over this request's nonce, the status, the body digest and
 * `X-Platform-Time` (`reply-unsigned`, `reply-signature-invalid`), and that
 * time is within `windowMs` of the kiosk clock corrected by the clock offset
 * (`reply-stale`; `GET /api/v1/time` is exempt, so a kiosk with a wrong clock
 * can still learn its offset). The caller then keeps its last good state
 * (the answer is never applied).
 */
export function createReplyVerifier(credentials: DeviceCredentials, options: ReplyVerifierOptions = {}): (reply: ReceivedReply) => void {
  const now = options.now ?? Date.now;
  const offset = options.clockOffsetMs ?? (() => 0);
  const windowMs = options.windowMs ?? REPLY_WINDOW_MS;
  return (reply) => {
    const path = new URL(reply.request.url).pathname;
    const what = `${reply.request.method} ${path}`;
    const header = reply.headers.get(SIGNATURE_HEADERS.platformSignature);
    if (!header) throw new PlatformReplyRejectedError('reply-unsigned', `${what}: platform reply is not signed`);
    const platformTime = reply.headers.get('x-platform-time') ?? '';
    const ok = verifyResponseSignature(header, credentials.provider, credentials.platformPublicKey, {
      requestNonce: reply.request.headers.get(SIGNATURE_HEADERS.nonce) ?? '',
      status: reply.status,
      body: reply.bytes,
      platformTime,
    });
    if (!ok) throw new PlatformReplyRejectedError('reply-signature-invalid', `${what}: platform reply signature does not verify`);
    if (path === '/api/v1/time') return;
    const at = Date.parse(platformTime);
    if (!Number.isFinite(at) || Math.abs(at - (now() + offset())) > windowMs) {
      throw new PlatformReplyRejectedError('reply-stale', `${what}: platform reply time ${platformTime || '(none)'} is more than ${windowMs / 1000} s from the kiosk's clock`);
    }
  };
}

/** The two transport hooks of an enrolled terminal: every request signed, every 2xx reply verified. */
export interface DeviceSigning {
  signRequest: (request: Request) => Promise<Request>;
  verifyReply: (reply: ReceivedReply) => void;
}

/** {@link createRequestSigner} and {@link createReplyVerifier} over one set of credentials and one clock. */
export function createDeviceSigning(credentials: DeviceCredentials, options: ReplyVerifierOptions = {}): DeviceSigning {
  return { signRequest: createRequestSigner(credentials, options), verifyReply: createReplyVerifier(credentials, options) };
}
