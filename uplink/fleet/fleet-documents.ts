import type { KeyObject } from 'node:crypto';
import type { CryptoProvider } from '../../common/crypto/crypto-provider';
import { readPlatformDocument } from '../../common/crypto/platform-document';
import { FLEET_COMMAND_PREFIX, FleetCommandPayloadSchema, type FleetCommandPayload, type FleetRefusal } from '../../common/fleet/fleet-command';
import { REMOTE_CONFIG_PREFIX, RemoteConfigPayloadSchema, type RemoteConfigPayload } from '../../common/fleet/remote-config';

/** The platform key a terminal checks fleet documents against (from enrolment); null for a terminal not enrolled, which refuses them all. */
export type FleetTrustAnchor = { provider: CryptoProvider; platformPublicKey: KeyObject } | null;

/** A refused document: why, a short English detail for the audit log, and what could be read of it (never trusted). */
export interface FleetDocumentRefusal {
  ok: false;
  reason: FleetRefusal;
  detail: string;
  /** The version (configuration) or id (command) the document claims, when readable. */
  claimed: number | string | null;
}

function read(prefix: string, document: string, anchor: FleetTrustAnchor) {
  if (anchor === null) return { ok: false as const, reason: 'signature-invalid' as const };
  return readPlatformDocument(prefix, document, anchor.provider, anchor.platformPublicKey);
}

function firstIssue(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  const i = error.issues[0];
  return i ? `${i.path.map(String).join('.') || '(root)'}: ${i.message}` : 'schema';
}

/**
 * Checks a remote configuration document (docs/sync-protocol.md §3.6), in
 * this order: signed by the platform key (`malformed`, `signature-missing`,
 * `signature-invalid`), the strict schema (`invalid`), for this terminal
 * (`other-device`), newer than the last one accepted (`version-not-newer`:
 * an older or replayed configuration). Never throws.
 */
export function checkRemoteConfig(document: string, options: { anchor: FleetTrustAnchor; deviceId: string; lastVersion: number }): { ok: true; config: RemoteConfigPayload } | FleetDocumentRefusal {
  const r = read(REMOTE_CONFIG_PREFIX, document, options.anchor);
  if (!r.ok) return { ok: false, reason: r.reason, detail: `configuration ${r.reason}`, claimed: null };
  const parsed = RemoteConfigPayloadSchema.safeParse(r.payload);
  const claimed = typeof r.payload.version === 'number' ? r.payload.version : null;
  if (!parsed.success) return { ok: false, reason: 'invalid', detail: `configuration invalid (${firstIssue(parsed.error)})`, claimed };
  const config = parsed.data;
  if (config.deviceId !== options.deviceId) return { ok: false, reason: 'other-device', detail: 'configuration is for another terminal', claimed };
  if (config.version <= options.lastVersion) return { ok: false, reason: 'version-not-newer', detail: `configuration version ${config.version} is not newer than ${options.lastVersion}`, claimed };
  return { ok: true, config };
}

/**
 * Checks a command document (§3.7): signed (`malformed`, `signature-missing`,
 * `signature-invalid`), the schema (`invalid`), for this terminal
 * (`other-device`), not seen before (`replayed`: its id was handled already)
 * and not expired (`expired`, by the kiosk clock corrected by the clock
 * offset). Never throws.
 */
export function checkFleetCommand(
  document: string,
  options: { anchor: FleetTrustAnchor; deviceId: string; nowMs: number; seen: (id: string) => boolean },
): { ok: true; command: FleetCommandPayload } | FleetDocumentRefusal {
  const r = read(FLEET_COMMAND_PREFIX, document, options.anchor);
  const claimedId = (p: Record<string, unknown> | undefined) => (typeof p?.id === 'string' ? p.id.slice(0, 64) : null);
  if (!r.ok) return { ok: false, reason: r.reason, detail: `command ${r.reason}`, claimed: null };
  const parsed = FleetCommandPayloadSchema.safeParse(r.payload);
  if (!parsed.success) return { ok: false, reason: 'invalid', detail: `command invalid (${firstIssue(parsed.error)})`, claimed: claimedId(r.payload) };
  const command = parsed.data;
  if (command.deviceId !== options.deviceId) return { ok: false, reason: 'other-device', detail: 'command is for another terminal', claimed: command.id };
  if (options.seen(command.id)) return { ok: false, reason: 'replayed', detail: `command ${command.id} was handled before`, claimed: command.id };
  if (Date.parse(command.expiresAt) <= options.nowMs) return { ok: false, reason: 'expired', detail: `command expired at ${command.expiresAt}`, claimed: command.id };
  return { ok: true, command };
}
