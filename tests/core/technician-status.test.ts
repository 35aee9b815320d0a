import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractConnection } from '../../common/contract/connections';
import type { TechnicianStatus } from '../../common/contract/schemas';
import { KIOSK_VERSION } from '../../main/core/version';
import { startCoreHarness, type CoreHarness } from './support/core-harness';
import { RESIDENT } from './support/fixtures';
import { findItem, identifyWithCard, submit, WALK_ITEM_NAME } from './support/walk';
import { waitUntil } from './support/wait-until';

/**
 * `technician.status` on the real core: refused without the role, and with
 * it a summary of version, device states and outbox counts that carries no
 * personal data even while a person is identified and a submission waits.
 */
describe('technician.status on the real core', () => {
  let h: CoreHarness;
  let technician: ContractConnection;
  const status = async () => {
    const r = await h.core.dispatcher.handle('technician:status', {}, technician);
    if (!r.ok) throw new Error(`technician:status failed: ${r.error.code}`);
    return r.value as TechnicianStatus;
  };
  beforeAll(async () => {
    h = await startCoreHarness({}, { keyProtection: 'tpm2' });
    technician = h.core.dispatcher.connections.open('test');
    h.core.dispatcher.connections.grant(technician.id, 'technician');
  });
  afterAll(async () => h?.close());

  it('is forbidden to in-process calls and to a citizen connection', async () => {
    expect(await h.fails('technician:status')).toBe('forbidden');
    const citizen = h.core.dispatcher.connections.open('test');
    expect(await h.core.dispatcher.handle('technician:status', {}, citizen)).toMatchObject({ ok: false, error: { code: 'forbidden', detail: { role: 'technician' } } });
  });

  it('answers the version, every device state and the queue counts', async () => {
    const s = await status();
    expect(s.version).toBe(KIOSK_VERSION);
    expect(s.deviceId).toBe(h.core.deviceId);
    expect(s.connectivity).toBe('online');
    expect(s.devices.map((d) => d.device).sort()).toEqual(['a4Printer', 'idcard', 'receiptPrinter', 'scanner']);
    expect(s.devices.find((d) => d.device === 'idcard')).toMatchObject({ simulated: true });
    expect(s.queue).toEqual(expect.objectContaining({ pending: 0, inFlight: 0 }));
    // What the shell said protects the data key (main/electron/key-storage-choice.ts).
    expect(s.keyProtection).toBe('tpm2');
  });

  it('counts a queued submission and never carries the person', async () => {
    await identifyWithCard(h);
    const item = await findItem(h, WALK_ITEM_NAME);
    await h.stopPlatform();
    await submit(h, item);
    const s = await status();
    expect(s.connectivity).toBe('offline');
    expect(s.queue.pending + s.queue.inFlight).toBeGreaterThanOrEqual(1);
    const text = JSON.stringify(s);
    for (const secret of [RESIDENT.name, RESIDENT.idNumber, RESIDENT.address, RESIDENT.name.slice(1)]) expect(text).not.toContain(secret);
  });

  it('pushes a fresh status after a change, only to the technician connection', async () => {
    const pushed = () => h.log.of<TechnicianStatus>('technician:onStatusChanged');
    await waitUntil(() => pushed().some((p) => p.connectivity === 'offline'), 'technician:onStatusChanged offline');
    const last = pushed().at(-1)!;
    expect(h.core.dispatcher.checkEvent('technician:onStatusChanged', last, technician).ok).toBe(true);
    expect(h.core.dispatcher.checkEvent('technician:onStatusChanged', last, h.core.dispatcher.connections.open('test')).ok).toBe(false);
    expect(JSON.stringify(pushed())).not.toContain(RESIDENT.idNumber);
  });
});
