import type { PlatformClient } from '../../../uplink/index';
import { platformFailure } from './platform-failure';

/** Outcome of a QR e-ID check. */
export type QrIdentityResult =
  | { ok: true; name: string; idNumber: string | null }
  | { ok: false; reason: 'qr-rejected' | 'platform-unreachable' };

/**
 * Asks the platform to resolve an e-ID / one-code-pass QR payload. Never
 * throws for a platform failure: network failures, timeouts and 5xx map to
 * `platform-unreachable`, a refusal or a malformed answer to `qr-rejected`.
 */
export async function resolveQrIdentity(client: PlatformClient, payload: string): Promise<QrIdentityResult> {
  try {
    const { body } = await client.resolveQrIdentity(payload);
    return { ok: true, name: body.name, idNumber: body.idNumber };
  } catch (e) {
    return { ok: false, reason: platformFailure(e).reason === 'unreachable' ? 'platform-unreachable' : 'qr-rejected' };
  }
}
