import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContractConnection } from '../../common/contract/connections';
import { loadConfig } from '../../main/core/config';
import { createKioskCore, type KioskCore } from '../../main/core/create-kiosk-core';
import { DEVICE_ASSIGNMENTS_CONFIG_KEY } from '../../main/core/devices/device-assignments';
import { openAttentionExport, PLATFORM_PUBLIC_KEY_CONFIG_KEY } from '../../offline-cache/index';
import { startFixture, type SimFixture } from '../platform-sim/sim-fixture';
import { issueCode } from '../trust/trust-fixture';
import { tempDir } from './support/temp-dir';
import { waitUntil } from './support/wait-until';

const PIN = '482916';
const SITE = 'site-visit';
const PERSON = { name: '张三丰', idNumber: '110101199003071230' };
/** The serial port list the core is given (this machine has no USB serial device). */
const LISTED = [{ path: '/dev/ttyUSB7', vendorId: '0483', productId: '5720', serialNumber: 'RD-0042', manufacturer: 'Reader Co' }];

/**
 * The rest of technician mode on the real core with simulated devices,
 * enrolled at a real platform-sim: device tests (masked card, masked scan,
 * A4 through the spooler), device assignment, needs-attention retry and
 * export, journalled reprint, network test, site view, logs, enrolment, and
 * the staff role of partner sites with its refusals.
 */
describe('a technician visit on the enrolled core', () => {
  let f: SimFixture;
  let core: KioskCore;
  let kiosk: { dir: string; cleanup: () => void };
  const issue = async (over: Record<string, unknown> = {}): Promise<string> => {
    const r = await f.call('POST', '/admin/technician-credentials', { technicianId: 'tech-visit', name: '王工', siteIds: [SITE], pin: PIN, ...over });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return (r.body as { credential: string }).credential;
  };
  const opened: ContractConnection[] = [];
  const open = async (over: Record<string, unknown> = {}): Promise<ContractConnection> => {
    const c = core.dispatcher.connections.open('test');
    opened.push(c);
    const r = await core.dispatcher.handle('technicianAccess:unlock', { credential: await issue(over), pin: PIN }, c);
    expect(r).toMatchObject({ ok: true, value: { ok: true } });
    return c;
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are probed field by field in assertions
  const call = async (channel: string, c: ContractConnection, payload: unknown = {}): Promise<any> => {
    const r = await core.dispatcher.handle(channel, payload, c);
    if (!r.ok) throw Object.assign(new Error(`${channel}: ${r.error.code}`), { error: r.error });
    return r.value;
  };
  const audit = (like: string): Array<{ action: string; detail: Record<string, unknown> }> => {
    const raw = new Database(join(kiosk.dir, 'kiosk.db'), { readonly: true });
    try {
      return (raw.prepare('SELECT action, detail FROM audit_log WHERE action LIKE ? ORDER BY id').all(like) as Array<{ action: string; detail: string }>).map((r) => ({ action: r.action, detail: JSON.parse(r.detail) as Record<string, unknown> }));
    } finally {
      raw.close();
    }
  };

  beforeAll(async () => {
    f = await startFixture({ requireSignedRequests: true });
    kiosk = tempDir('kiosk-visit-');
    const config = loadConfig({ dataDir: kiosk.dir, platformUrl: f.sim.url, devices: { a4Printer: { mode: 'cups', host: '127.0.0.1', port: 1, printerName: 'KioskPDF' } } }, {});
    core = await createKioskCore(config, { enrolmentCode: await issueCode(f.sim.url, SITE), syncPollIntervalMs: 60_000, discoverListers: { serial: async () => LISTED, hid: async () => [] } });
  });
  // A test that failed half-way leaves no visit behind for the next one (the sweep ends visits of closed connections).
  afterEach(() => {
    for (const c of opened.splice(0)) core.dispatcher.connections.close(c.id);
  });
  afterAll(async () => {
    await core?.close();
    kiosk?.cleanup();
    await f?.dispose();
  });

  it('every new technician method is refused to a citizen connection and to a staff one', async () => {
    const citizen = core.dispatcher.connections.open('test');
    const staff = await open({ role: 'staff' });
    expect(staff.has('staff')).toBe(true);
    expect(staff.has('technician')).toBe(false);
    const channels = ['testCard', 'testScan', 'printTestA4', 'discoverDevices', 'assignDevice', 'attention', 'retryAttention', 'exportAttention', 'printJobs', 'reprintJob', 'networkTest', 'enrol', 'siteConfig', 'logs', 'status', 'syncNow'];
    for (const c of [citizen, staff]) {
      for (const m of channels) expect(await core.dispatcher.handle(`technician:${m}`, {}, c), m).toMatchObject({ ok: false, error: { code: 'forbidden', detail: { role: 'technician' } } });
    }
    await call('staff:handBack', staff);
  });

  it('card test: masked fields only, and the test card opens no citizen session', async () => {
    const tech = await open();
    const pending = call('technician:testCard', tech, { waitSeconds: 10 });
    await new Promise((r) => setTimeout(r, 300));
    core.simulators.insertCard('resident');
    const r = await pending;
    expect(r.state).toBe('read');
    expect(r.fields.map((x: { label: string }) => x.label)).toEqual(['姓名', '证件号', '证件类型', '有效期']);
    const card = r.fields as Array<{ value: string }>;
    expect(card[0]!.value).toMatch(/^.\*+$/);
    expect(card[1]!.value).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    // Let the reader poll the card while the technician is present: no session starts.
    await new Promise((res) => setTimeout(res, 1000));
    expect((await call('session:current', tech)).stage).toBe('idle');
    core.simulators.removeCard();
    await new Promise((res) => setTimeout(res, 500));
    expect(await call('technician:testCard', tech, { waitSeconds: 1 })).toMatchObject({ state: 'no-card', reason: 'NoMedia', fields: [] });
    await call('technician:handBack', tech);
  });

  it('scan test: type, length and masked form, never the payload; no QR identification starts', async () => {
    const tech = await open();
    const payload = 'https://zwfw.example.gov.cn/e-id?token=4f1c9a77e2';
    const pending = call('technician:testScan', tech, { waitSeconds: 10 });
    await new Promise((r) => setTimeout(r, 200));
    await core.simulators.scanner!.scan(payload);
    const r = await pending;
    expect(r).toMatchObject({ state: 'scanned', payloadType: 'url', length: payload.length });
    expect(r.masked).toMatch(/^ht\*+e2$/);
    expect(JSON.stringify(r)).not.toContain('4f1c9a77');
    expect((await call('session:current', tech)).stage).toBe('idle');
    expect(await call('technician:testScan', tech, { waitSeconds: 1 })).toMatchObject({ state: 'no-scan', masked: null });
    await call('technician:handBack', tech);
  });

  it('test receipt answers its preview; A4 test page goes to the configured spooler and reports why it failed', async () => {
    const tech = await open();
    const receipt = await call('technician:printTestReceipt', tech);
    expect(receipt).toMatchObject({ state: 'done', reason: null, preview: { title: '打印机测试页' } });
    // The spooler of this core is 127.0.0.1:1, where nothing listens: the real IPP client says so.
    const a4 = await call('technician:printTestA4', tech);
    expect(a4).toMatchObject({ state: 'failed', reason: 'PortOpenFailed', jobId: null });
    expect(audit('technician.device-test').map((a) => a.detail)).toContainEqual({ device: 'a4Printer', state: 'failed', reason: 'PortOpenFailed', jobId: null });
    await call('technician:handBack', tech);
  });

  it('assigns a listed serial device to a role (kept in kiosk.db, audited); a path not listed is refused', async () => {
    const tech = await open();
    const listed = await call('technician:discoverDevices', tech);
    expect(listed.serial).toEqual([{ path: '/dev/ttyUSB7', vendorId: '0483', productId: '5720', serialNumber: 'RD-0042', manufacturer: 'Reader Co' }]);
    expect(await call('technician:assignDevice', tech, { role: 'idcard', path: '/dev/ttyS9' })).toEqual({ ok: false, reason: 'not-listed' });
    const r = await call('technician:assignDevice', tech, { role: 'idcard', path: '/dev/ttyUSB7' });
    expect(r).toMatchObject({ ok: true, appliesAtRestart: true, assignment: { role: 'idcard', port: '/dev/ttyUSB7', vendorId: '0483', productId: '5720', serialNumber: 'RD-0042', by: 'tech-visit' } });
    expect(core.store.config.get(DEVICE_ASSIGNMENTS_CONFIG_KEY)).toEqual([r.assignment]);
    expect((await call('technician:discoverDevices', tech)).assignments).toEqual([r.assignment]);
    expect(audit('technician.device-assigned')).toEqual([{ action: 'technician.device-assigned', detail: { technicianId: 'tech-visit', role: 'idcard', port: '/dev/ttyUSB7', vendorId: '0483', productId: '5720' } }]);
    await call('technician:handBack', tech);
  });

  it('needs attention: listed without content, retried (audited, then gone), exported sealed to the platform key', async () => {
    const tech = await open();
    const tx = core.store.submitTransaction({ service: 'ZZ99999999', data: PERSON });
    await call('technician:syncNow', tech);
    await waitUntil(() => core.store.outbox.needsAttention(10).some((i) => i.id === tx.id), 'the rejected item', 10_000);
    const items = await call('technician:attention', tech);
    expect(items).toContainEqual({ id: tx.id, seq: expect.any(Number), kind: 'transaction', reason: expect.stringContaining('unknown-service'), createdAt: expect.any(String) });
    expect(JSON.stringify(items)).not.toContain(PERSON.name);

    expect(await call('technician:exportAttention', tech)).toEqual({ ok: false, reason: 'no-platform-key' });
    const { publicKey, privateKey } = generateKeyPairSync('x25519');
    core.store.config.set(PLATFORM_PUBLIC_KEY_CONFIG_KEY, publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const exported = await call('technician:exportAttention', tech);
    expect(exported).toMatchObject({ ok: true, items: 1 });
    expect(statSync(exported.file).mode & 0o777).toBe(0o600);
    const text = readFileSync(exported.file, 'utf8');
    expect(text).not.toContain(PERSON.name);
    expect(openAttentionExport(JSON.parse(text), privateKey)).toEqual([expect.objectContaining({ id: tx.id, body: expect.objectContaining({ data: PERSON }) })]);

    expect(await call('technician:retryAttention', tech, { id: tx.id })).toEqual({ outcome: 'retried' });
    expect((await call('technician:attention', tech)).some((i: { id: string }) => i.id === tx.id)).toBe(false);
    expect(await call('technician:retryAttention', tech, { id: tx.id })).toEqual({ outcome: 'not-found' });
    expect(audit('technician.queue.%').map((a) => [a.action, a.detail.technicianId, a.detail.id ?? a.detail.items])).toEqual([
      ['technician.queue.export', 'tech-visit', 1],
      ['technician.queue.retry', 'tech-visit', tx.id],
    ]);
    await call('technician:handBack', tech);
  });

  it('reprints a journalled receipt of an earlier session from the technician screen; the citizen side refuses it', async () => {
    const tech = await open();
    const row = core.store.printJobs.create({ transactionId: 'tx-earlier', document: { title: '回执', lines: [], qr: null, footer: null } });
    core.store.printJobs.markFailed(row.id, 'paper-out');
    const citizen = core.dispatcher.connections.open('test');
    expect(await core.dispatcher.handle('printer:reprint', { jobId: row.id }, citizen)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('technician:printJobs', tech)).toContainEqual({ jobId: row.id, state: 'failed', reason: 'paper-out', createdAt: expect.any(String) });
    expect(await call('technician:reprintJob', tech, { jobId: row.id })).toMatchObject({ jobId: row.id, state: 'queued' });
    await waitUntil(() => core.store.printJobs.get(row.id)?.state === 'done', 'the reprint', 15_000);
    expect(await core.dispatcher.handle('technician:reprintJob', { jobId: row.id }, tech)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await call('technician:handBack', tech);
  });

  it('network test: DNS, TLS (skipped on http), platform time and a signed ping, each with its time', async () => {
    const tech = await open();
    const r = await call('technician:networkTest', tech);
    expect(r.steps.map((s: { step: string; outcome: string }) => [s.step, s.outcome])).toEqual([
      ['dns', 'ok'],
      ['tls', 'skipped'],
      ['platform-time', 'ok'],
      ['signed-ping', 'ok'],
    ]);
    for (const s of r.steps) expect(s.ms).toBeGreaterThanOrEqual(0);
    await call('technician:handBack', tech);
  });

  it('site configuration and logs show no key, token or personal data', async () => {
    const tech = await open();
    const site = await call('technician:siteConfig', tech);
    expect(site).toMatchObject({ siteId: SITE, deviceId: core.deviceId, platformUrl: f.sim.url });
    const logs = await call('technician:logs', tech, { lines: 200 });
    expect(logs.length).toBeGreaterThan(0);
    for (const l of logs) expect(Object.keys(l)).toEqual(['time', 'level', 'part', 'event']);
    const text = JSON.stringify([site, logs]);
    for (const secret of [PERSON.name, PERSON.idNumber, PIN]) expect(text).not.toContain(secret);
    await call('technician:handBack', tech);
  });

  it('staff: vouch needs an identified person, reprint only for the person present, take out of and back into service; audited', async () => {
    const staff = await open({ role: 'staff' });
    expect(await core.dispatcher.handle('staff:vouchIdentity', {}, staff)).toMatchObject({ ok: false, error: { code: 'no-session' } });
    const row = core.store.printJobs.create({ transactionId: 'tx-other-person', document: { title: '回执', lines: [], qr: null, footer: null } });
    core.store.printJobs.markFailed(row.id, 'paper-out');
    expect(await core.dispatcher.handle('staff:reprintForPresent', { jobId: row.id }, staff)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    core.simulators.insertCard('resident');
    await waitUntil(async () => (await call('session:current', staff)).stage === 'identified', 'the card read', 10_000);
    const vouched = await call('staff:vouchIdentity', staff);
    expect(vouched.sessionId).toBe((await call('session:current', staff)).sessionId);
    core.simulators.removeCard();
    await call('session:end', staff, { reason: 'cancelled' });

    expect(await call('staff:takeOutOfService', staff)).toEqual({ inService: false, reason: 'taken-out' });
    expect(await call('system:serviceState', staff)).toEqual({ inService: false, reason: 'taken-out' });
    expect(await call('staff:backIntoService', staff)).toEqual({ inService: true, reason: null });
    const actions = audit('staff.action').map((a) => a.detail.action);
    expect(actions).toEqual(expect.arrayContaining(['vouch-identity', 'take-out-of-service', 'back-into-service']));
    expect(JSON.stringify(audit('staff.action'))).not.toContain(PERSON.name);
    await call('staff:handBack', staff);
    expect(await core.dispatcher.handle('staff:takeOutOfService', {}, staff)).toMatchObject({ ok: false, error: { code: 'forbidden', detail: { role: 'staff' } } });
  });

  it('a technician connection holds no staff service', async () => {
    const tech = await open();
    for (const m of ['vouchIdentity', 'reprintForPresent', 'takeOutOfService', 'backIntoService', 'handBack']) {
      expect(await core.dispatcher.handle(`staff:${m}`, {}, tech), m).toMatchObject({ ok: false, error: { code: 'forbidden', detail: { role: 'staff' } } });
    }
    await call('technician:handBack', tech);
  });

  it('enrolment on the terminal: a wrong code is refused and audited; a fresh code enrols (applies at restart)', async () => {
    const tech = await open();
    const refused = await call('technician:enrol', tech, { code: 'NOT-A-CODE-1234' });
    expect(refused.ok).toBe(false);
    const ok = await call('technician:enrol', tech, { code: await issueCode(f.sim.url, SITE) });
    expect(ok).toMatchObject({ ok: true, siteId: SITE, restartNeeded: true });
    expect(audit('technician.enrol%').map((a) => a.action)).toEqual(['technician.enrol-refused', 'technician.enrolled']);
    await call('technician:handBack', tech);
  });
});
