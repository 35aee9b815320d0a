import { z } from 'zod';

const QrIdentitySchema = z.object({ name: z.string().min(1).max(64), idNumber: z.string().max(40).nullable() });

/** Outcome of a QR e-ID check. */
export type QrIdentityResult =
  | { ok: true; name: string; idNumber: string | null }
  | { ok: false; reason: 'qr-rejected' | 'platform-unreachable' };

/**
 * Asks the platform to resolve an e-ID / one-code-pass QR payload
 * (`POST /api/v1/identity/qr`). The kiosk never interprets the payload itself.
 * Never throws: network failures and hostile answers map to a reason.
 */
export async function resolveQrIdentity(baseUrl: string, deviceId: string, payload: string, timeoutMs = 8000): Promise<QrIdentityResult> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl.replace(/\/+$/, '')}/api/v1/identity/qr`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kiosk-Device': deviceId },
      body: JSON.stringify({ payload }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { ok: false, reason: 'platform-unreachable' };
  }
  if (response.status === 422 || response.status === 400) return { ok: false, reason: 'qr-rejected' };
  if (!response.ok) return { ok: false, reason: 'platform-unreachable' };
  try {
    const parsed = QrIdentitySchema.safeParse(await response.json());
    return parsed.success ? { ok: true, name: parsed.data.name, idNumber: parsed.data.idNumber } : { ok: false, reason: 'qr-rejected' };
  } catch {
    return { ok: false, reason: 'qr-rejected' };
  }
}
