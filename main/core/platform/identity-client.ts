import { z } from 'zod';
import { platformJson } from './platform-request';

const QrIdentitySchema = z.object({ name: z.string().min(1).max(64), idNumber: z.string().max(40).nullable() });

/** Outcome of a QR e-ID check. */
export type QrIdentityResult =
  | { ok: true; name: string; idNumber: string | null }
  | { ok: false; reason: 'qr-rejected' | 'platform-unreachable' };

/**
 * Asks the platform to resolve an e-ID / one-code-pass QR payload
 * (`POST /api/v1/identity/qr`). The kiosk never interprets the payload itself.
 * Never throws: network failures map to `platform-unreachable`, a refusal or
 * a malformed answer to `qr-rejected`.
 */
export async function resolveQrIdentity(baseUrl: string, deviceId: string, payload: string): Promise<QrIdentityResult> {
  const r = await platformJson({ baseUrl, deviceId }, 'POST', '/api/v1/identity/qr', QrIdentitySchema, { payload });
  if (r.ok) return { ok: true, name: r.value.name, idNumber: r.value.idNumber };
  return { ok: false, reason: r.reason === 'unreachable' ? 'platform-unreachable' : 'qr-rejected' };
}
