import { z } from 'zod';
import type { CryptoProvider } from '../../common/crypto/crypto-provider';
import type { KeyObject } from 'node:crypto';
import { PlatformHttpError, PlatformProtocolError, PlatformUnreachableError } from './platform-errors';
import { ErrorBodySchema } from '../protocol/protocol-schemas';

/** The platform's answer to `POST /api/v1/enrolment`. */
export const EnrolmentResponseSchema = z.object({
  deviceId: z.string().regex(/^[A-Za-z0-9._-]{1,128}$/),
  siteId: z.string().min(1).max(64),
  algorithm: z.string().max(32),
  /** SPKI DER, base64. */
  platformPublicKey: z.string().min(40).max(400),
  serverTime: z.string().optional(),
});

/** What a terminal keeps after enrolment. */
export interface Enrolment {
  deviceId: string;
  siteId: string;
  algorithm: string;
  /** SPKI DER, base64. */
  platformPublicKey: string;
}

/**
 * Enrols the terminal: sends the one-time `code` and the device's public key
 * (SPKI DER, base64) to `POST {baseUrl}/api/v1/enrolment` (unsigned: the code
 * is the credential). Throws {@link PlatformHttpError} with the platform's code
 * (`enrolment-code-unknown`, `enrolment-code-used`, …), {@link PlatformUnreachableError}
 * or {@link PlatformProtocolError} (invalid answer, another algorithm, or a
 * platform key that is not a key of `provider`). Timeout 15 s.
 */
export async function enrolTerminal(options: { baseUrl: string; code: string; provider: CryptoProvider; publicKey: KeyObject; fetch?: typeof fetch }): Promise<Enrolment> {
  const doFetch = options.fetch ?? fetch;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/api/v1/enrolment`;
  const body = { code: options.code, algorithm: options.provider.signatureAlgorithm, publicKey: options.publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
    text = await response.text();
  } catch (e) {
    throw new PlatformUnreachableError(`POST /api/v1/enrolment: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const err = ErrorBodySchema.safeParse(json);
    throw new PlatformHttpError(response.status, err.success ? err.data.error : null, `POST /api/v1/enrolment: HTTP ${response.status}${err.success ? ` ${err.data.message ?? err.data.error}` : ''}`);
  }
  const parsed = EnrolmentResponseSchema.safeParse(json);
  if (!parsed.success) throw new PlatformProtocolError('POST /api/v1/enrolment: invalid response');
  if (parsed.data.algorithm !== options.provider.signatureAlgorithm) throw new PlatformProtocolError(`POST /api/v1/enrolment: platform answered for ${parsed.data.algorithm}`);
  try {
    options.provider.importPublicKey(Buffer.from(parsed.data.platformPublicKey, 'base64'));
  } catch {
    throw new PlatformProtocolError('POST /api/v1/enrolment: platform key is not a key of the configured algorithm');
  }
  return { deviceId: parsed.data.deviceId, siteId: parsed.data.siteId, algorithm: parsed.data.algorithm, platformPublicKey: parsed.data.platformPublicKey };
}
