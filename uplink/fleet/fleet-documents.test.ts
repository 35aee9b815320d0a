import { describe, expect, it } from 'vitest';
import { cryptoProvider } from '../../common/crypto/providers';
import { signPlatformDocument, unsignedPlatformDocument } from '../../common/crypto/platform-document';
import { FLEET_COMMAND_PREFIX } from '../../common/fleet/fleet-command';
import { REMOTE_CONFIG_PREFIX } from '../../common/fleet/remote-config';
import { HeartbeatSchedule } from '../sync/heartbeat-schedule';
import { checkFleetCommand, checkRemoteConfig } from './fleet-documents';

const provider = cryptoProvider('default');
const platform = provider.generateSigningKeyPair();
const other = provider.generateSigningKeyPair();
const anchor = { provider, platformPublicKey: platform.publicKey };
const settings = {
  services: null,
  theme: { partner: null, primaryColor: '#c8102e', logoUrl: null },
  openingHours: null,
  idleTimeoutSeconds: 60,
  countdownSeconds: 15,
  languages: ['zh-CN'],
  voice: true,
  maintenanceWindow: { start: '02:00', end: '05:00' },
};
const config = (version: number, extra: Record<string, unknown> = {}) => ({ v: 1, deviceId: 'k1', version, issuedAt: '2026-12-08T00:00:00.000Z', settings: { ...settings, ...extra } });

describe('remote configuration check', () => {
  it('accepts a signed, valid, newer configuration for this terminal', () => {
    const r = checkRemoteConfig(signPlatformDocument(REMOTE_CONFIG_PREFIX, provider, platform.privateKey, config(3)), { anchor, deviceId: 'k1', lastVersion: 2 });
    expect(r).toMatchObject({ ok: true, config: { version: 3 } });
  });

  it.each([
    ['unsigned', unsignedPlatformDocument(REMOTE_CONFIG_PREFIX, { ...config(3), alg: 'ed25519' }), 'signature-missing'],
    ['signed by another key', signPlatformDocument(REMOTE_CONFIG_PREFIX, provider, other.privateKey, config(3)), 'signature-invalid'],
    ['not a document', 'KC1.!!!', 'malformed'],
    ['a command document', signPlatformDocument(FLEET_COMMAND_PREFIX, provider, platform.privateKey, config(3)), 'malformed'],
    ['out of range', signPlatformDocument(REMOTE_CONFIG_PREFIX, provider, platform.privateKey, config(3, { countdownSeconds: 1 })), 'invalid'],
    ['an unknown key', signPlatformDocument(REMOTE_CONFIG_PREFIX, provider, platform.privateKey, config(3, { kiosk: 'x' })), 'invalid'],
    ['for another terminal', signPlatformDocument(REMOTE_CONFIG_PREFIX, provider, platform.privateKey, { ...config(3), deviceId: 'k2' }), 'other-device'],
    ['the same version again', signPlatformDocument(REMOTE_CONFIG_PREFIX, provider, platform.privateKey, config(2)), 'version-not-newer'],
    ['an older version', signPlatformDocument(REMOTE_CONFIG_PREFIX, provider, platform.privateKey, config(1)), 'version-not-newer'],
  ])('refuses %s', (_what, document, reason) => {
    expect(checkRemoteConfig(document, { anchor, deviceId: 'k1', lastVersion: 2 })).toMatchObject({ ok: false, reason });
  });

  it('refuses everything without a trust anchor (not enrolled)', () => {
    expect(checkRemoteConfig(signPlatformDocument(REMOTE_CONFIG_PREFIX, provider, platform.privateKey, config(3)), { anchor: null, deviceId: 'k1', lastVersion: 0 })).toMatchObject({ ok: false, reason: 'signature-invalid' });
  });

  it('a tampered payload does not verify', () => {
    const [prefix, , sig] = signPlatformDocument(REMOTE_CONFIG_PREFIX, provider, platform.privateKey, config(3)).split('.');
    const forged = `${prefix}.${Buffer.from(JSON.stringify({ ...config(4), alg: 'ed25519' })).toString('base64url')}.${sig}`;
    expect(checkRemoteConfig(forged, { anchor, deviceId: 'k1', lastVersion: 2 })).toMatchObject({ ok: false, reason: 'signature-invalid' });
  });
});

describe('command check', () => {
  const command = (over: Record<string, unknown> = {}) =>
    signPlatformDocument(FLEET_COMMAND_PREFIX, provider, platform.privateKey, { v: 1, id: 'c1', deviceId: 'k1', kind: 'sync-now', issuedAt: '2026-12-08T00:00:00.000Z', expiresAt: '2026-12-08T01:00:00.000Z', ...over });
  const nowMs = Date.parse('2026-12-08T00:30:00.000Z');
  it('accepts a signed, unexpired, unseen command', () => {
    expect(checkFleetCommand(command(), { anchor, deviceId: 'k1', nowMs, seen: () => false })).toMatchObject({ ok: true, command: { id: 'c1', kind: 'sync-now' } });
  });
  it('refuses a replay, an expired, a foreign, an unknown kind and an unsigned command', () => {
    expect(checkFleetCommand(command(), { anchor, deviceId: 'k1', nowMs, seen: (id) => id === 'c1' })).toMatchObject({ ok: false, reason: 'replayed', claimed: 'c1' });
    expect(checkFleetCommand(command(), { anchor, deviceId: 'k1', nowMs: Date.parse('2026-12-08T01:00:00.000Z'), seen: () => false })).toMatchObject({ ok: false, reason: 'expired' });
    expect(checkFleetCommand(command({ deviceId: 'k2' }), { anchor, deviceId: 'k1', nowMs, seen: () => false })).toMatchObject({ ok: false, reason: 'other-device' });
    expect(checkFleetCommand(command({ kind: 'format-disk' }), { anchor, deviceId: 'k1', nowMs, seen: () => false })).toMatchObject({ ok: false, reason: 'invalid' });
    const unsigned = command().split('.').slice(0, 2).join('.');
    expect(checkFleetCommand(unsigned, { anchor, deviceId: 'k1', nowMs, seen: () => false })).toMatchObject({ ok: false, reason: 'signature-missing' });
  });
});

describe('heartbeat schedule', () => {
  it('sends the first as full, then only on change, and a full report after the interval', () => {
    const s = new HeartbeatSchedule(900_000);
    expect(s.due('a', 0)).toBe('full');
    s.sent('a', 0);
    expect(s.due('a', 60_000)).toBeNull();
    expect(s.due('b', 120_000)).toBe('change');
    s.sent('b', 120_000);
    expect(s.due('b', 1_019_999)).toBeNull();
    expect(s.due('b', 1_020_000)).toBe('full');
    s.sent('b', 1_020_000);
    expect(s.due('b', 1_020_001)).toBeNull();
  });
});
