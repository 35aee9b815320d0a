import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceDetail } from '../common/contract/schemas';
import { TestKeyProvider } from './crypto/key-provider';
import { DATABASE_FILE, KEY_CHECK_CONFIG_KEY, openKioskStore, type KioskStore } from './kiosk-store';

const dirs: string[] = [];
const stores: KioskStore[] = [];
function open(options: { now?: () => Date; staleAfterSeconds?: number; dir?: string } = {}) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'kiosk-store-'));
  dirs.push(dir);
  const store = openKioskStore({ dataDir: dir, deviceId: 'kiosk-test-0001', keyProvider: new TestKeyProvider(), ...options });
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const s of stores.splice(0)) {
    try {
      s.close();
    } catch {
      // already closed
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function item(code: string, name = `事项${code}`): ServiceDetail {
  return {
    code,
    name,
    department: '民政局',
    category: '婚姻',
    itemType: '行政确认',
    queueable: true,
    output: 'receipt',
    feeFen: 0,
    guide: { summary: 's', whoCanApply: 'w', timeLimit: 't', resultDelivery: 'r', feeDescription: 'f', legalBasis: 'l' },
    materials: [],
    form: [],
    lifeEvents: [],
  };
}

describe('KioskStore outbox', () => {
  it('assigns increasing seq across kinds and reports the exact queue status keys', () => {
    const s = open();
    const a = s.submitTransaction({ service: 'XK1', data: { name: '李四' } });
    const r = s.enqueueRating({ transactionId: a.id, service: 'XK1', level: 'satisfied', reason: null });
    const t = s.enqueueTelemetry('boot', { ok: true });
    expect([a.seq, r.seq, t.seq]).toEqual([1, 2, 3]);
    expect(a.receiptNumber).toMatch(/^\d{8}-0001-000001$/);
    expect(Object.keys(s.queueStatus())).toEqual(['pending', 'inFlight', 'accepted', 'rejected', 'needsAttention', 'oldestPendingAgeSeconds']);
    expect(s.queueStatus()).toMatchObject({ pending: 3, inFlight: 0, accepted: 0 });
    expect(s.transactionStatus(a.id)).toBe('pending');
    expect(s.transactionStatus('nope')).toBeNull();
  });

  it('claims in seq order, purges personal data on accept, keeps rejected for attention and never blocks later items', () => {
    const s = open();
    const ids = [0, 1, 2].map((i) => s.submitTransaction({ service: 'XK1', data: { n: String(i) } }).id);
    const claimed = s.outbox.claim('transaction', 10);
    expect(claimed.map((c) => c.id)).toEqual(ids);
    expect(s.queueStatus().inFlight).toBe(3);
    const delivered = s.outbox.complete([
      { id: ids[0]!, status: 'accepted' },
      { id: ids[1]!, status: 'rejected', reason: 'unknown-service' },
      { id: ids[2]!, status: 'duplicate' },
    ]);
    expect(delivered).toEqual([ids[0], ids[2]]);
    expect(s.queueStatus()).toMatchObject({ pending: 0, inFlight: 0, accepted: 2, rejected: 1, needsAttention: 1 });
    expect(s.outbox.needsAttention()).toEqual([expect.objectContaining({ id: ids[1], reason: 'unknown-service' })]);
    expect(s.alerts().map((a) => a.code)).toContain('outbox-needs-attention');
    expect(s.outbox.resolve(ids[1]!)).toBe(true);
    expect(s.queueStatus().needsAttention).toBe(0);
  });

  it('returns released items to pending and retakes in-flight items left by a crash', () => {
    const s = open();
    const { id } = s.submitTransaction({ service: 'XK1', data: {} });
    s.outbox.claim('transaction', 10);
    expect(s.outbox.claim('transaction', 10).map((c) => c.id)).toEqual([id]);
    s.outbox.release([id]);
    expect(s.transactionStatus(id)).toBe('pending');
  });

  it('raises outbox-stale when the oldest undelivered item is older than the threshold', () => {
    let t = Date.parse('2026-01-01T00:00:00Z');
    const s = open({ now: () => new Date(t), staleAfterSeconds: 3600 });
    s.submitTransaction({ service: 'XK1', data: {} });
    expect(s.alerts()).toEqual([]);
    t += 3601_000;
    expect(s.queueStatus().oldestPendingAgeSeconds).toBe(3601);
    expect(s.alerts().map((a) => a.code)).toEqual(['outbox-stale']);
  });

  it('rejects invalid input without writing', () => {
    const s = open();
    expect(() => s.submitTransaction({ service: '', data: {} })).toThrow(TypeError);
    expect(() => s.submitTransaction({ service: 'X', data: { a: 1 as unknown as string } })).toThrow(TypeError);
    expect(() => s.submitTransaction({ service: 'X', data: { ['k'.repeat(65)]: 'v' } })).toThrow(TypeError);
    expect(() => s.enqueueRating({ transactionId: null, service: 'X', level: 'great', reason: null })).toThrow(TypeError);
    expect(() => s.enqueueRating({ transactionId: null, service: 'X', level: 'very-dissatisfied', reason: ' ' })).toThrow(/reason/);
    expect(() => s.enqueueTelemetry('', {})).toThrow(TypeError);
    expect(s.queueStatus().pending).toBe(0);
  });

  it('sets aside a row whose payload cannot be decrypted and moves on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-store-'));
    const s1 = open({ dir });
    const bad = s1.submitTransaction({ service: 'XK1', data: {} });
    s1.close();
    // A row sealed under a key this process does not hold (a store from before the key check existed).
    const raw = new Database(join(dir, DATABASE_FILE));
    raw.prepare('DELETE FROM config WHERE key = ?').run(KEY_CHECK_CONFIG_KEY);
    raw.close();
    const s2 = openKioskStore({ dataDir: dir, deviceId: 'kiosk-test-0001', keyProvider: new TestKeyProvider(Buffer.alloc(32, 9)) });
    stores.push(s2);
    const good = s2.submitTransaction({ service: 'XK1', data: {} });
    expect(s2.outbox.claim('transaction', 10).map((c) => c.id)).toEqual([good.id]);
    expect(s2.outbox.needsAttention()).toEqual([expect.objectContaining({ id: bad.id, reason: 'unreadable-local-row' })]);
  });
});

describe('KioskStore catalogue', () => {
  it('applies a full update then a delta atomically and ignores stale deltas', () => {
    const s = open();
    expect(s.catalogue.version()).toBe(0);
    s.catalogue.applyUpdate({ version: 3, full: true, items: [item('A'), item('B')], removed: [], lifeEvents: [{ id: 'birth', name: '出生一件事', itemCodes: ['A'] }] });
    expect(s.catalogue.all().map((i) => i.code)).toEqual(['A', 'B']);
    s.catalogue.applyUpdate({ version: 4, full: false, items: [item('C'), item('A', '新名称')], removed: ['B'], lifeEvents: [] });
    expect(s.catalogue.all().map((i) => i.code)).toEqual(['A', 'C']);
    expect(s.catalogue.get('A')?.name).toBe('新名称');
    expect(s.catalogue.version()).toBe(4);
    expect(s.catalogue.applyUpdate({ version: 4, full: false, items: [item('Z')], removed: [], lifeEvents: [] }).applied).toBe(false);
    expect(s.catalogue.get('Z')).toBeNull();
  });

  it('writes nothing when one item of an update is invalid', () => {
    const s = open();
    s.catalogue.applyUpdate({ version: 1, full: true, items: [item('A')], removed: [], lifeEvents: [] });
    const broken = { ...item('B'), feeFen: -5 };
    expect(() => s.catalogue.applyUpdate({ version: 2, full: true, items: [item('C'), broken], removed: [], lifeEvents: [] })).toThrow();
    expect(s.catalogue.all().map((i) => i.code)).toEqual(['A']);
    expect(s.catalogue.version()).toBe(1);
  });
});

describe('KioskStore config, print journal and audit', () => {
  it('stores config values as JSON', () => {
    const s = open();
    expect(s.config.get('x')).toBeNull();
    s.config.set('x', { a: [1, 2] });
    expect(s.config.get('x')).toEqual({ a: [1, 2] });
  });

  it('journals print jobs, lists unfinished ones after reopen and deletes the document when done', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-store-'));
    const s = open({ dir });
    const a = s.printJobs.create({ transactionId: 't1', document: { lines: ['回执'] } });
    const b = s.printJobs.create({ transactionId: null, document: 'x' });
    s.printJobs.markPrinting(a.id);
    s.printJobs.markPrinting(b.id);
    s.printJobs.markFailed(b.id, 'paper-out');
    expect(() => s.printJobs.markDone(b.id)).toThrow(/cannot go/);
    s.close();
    const again = open({ dir });
    expect(again.printJobs.unfinished().map((j) => [j.id, j.state, j.reason])).toEqual([
      [a.id, 'printing', null],
      [b.id, 'failed', 'paper-out'],
    ]);
    expect(again.printJobs.get(a.id)?.document).toEqual({ lines: ['回执'] });
    again.printJobs.markDone(a.id);
    expect(again.printJobs.get(a.id)).toMatchObject({ state: 'done', document: null });
  });

  it('verifies an intact audit chain and names the first tampered row', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-store-'));
    const s = open({ dir });
    for (let i = 0; i < 5; i++) s.audit.append('technician.login', { n: i });
    expect(s.audit.verify()).toEqual({ ok: true, brokenAt: null, rows: 5 });
    s.close();
    const raw = new Database(join(dir, 'kiosk.db'));
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete');
    raw.prepare(`UPDATE audit_log SET detail = '{"n":99}' WHERE id = 3`).run();
    raw.close();
    const again = open({ dir });
    expect(again.audit.verify()).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('detects rows deleted from the end of the audit log', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-store-'));
    const s = open({ dir });
    for (let i = 0; i < 3; i++) s.audit.append('config.change', { n: i });
    s.close();
    const raw = new Database(join(dir, 'kiosk.db'));
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE id = 3').run();
    raw.close();
    expect(open({ dir }).audit.verify()).toMatchObject({ ok: false, brokenAt: 3 });
  });
});
