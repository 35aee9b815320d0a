import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HarnessWebHost } from '../web/web-host';
import { startCoreHarness, type CoreHarness } from '../../tests/core/support/core-harness';
import { startSimControls } from './electron-dev';
import { hasSimulatedDevices } from './sim-controls';

describe('hasSimulatedDevices', () => {
  it('is true when any device is the in-process simulator', () => {
    expect(hasSimulatedDevices({ devices: { idcard: { mode: 'serial', port: '/dev/ttyUSB0', baudRate: 115200 }, receiptPrinter: { mode: 'sim', baudRate: 115200, tcpPort: 9100, previewDir: null, simProfile: 'full', completionTimeoutMs: 15_000 }, scanner: { mode: 'serial', port: '/dev/ttyACM0', baudRate: 9600 }, a4Printer: { mode: 'none', printerName: 'x', host: 'localhost', port: 631 }, camera: { mode: 'none', label: null, pollMs: 2000 } } })).toBe(true);
    expect(hasSimulatedDevices({ devices: { idcard: { mode: 'serial', port: '/dev/ttyUSB0', baudRate: 115200 }, receiptPrinter: { mode: 'tcp', host: '10.0.0.5', baudRate: 115200, tcpPort: 9100, previewDir: null, simProfile: 'full', completionTimeoutMs: 15_000 }, scanner: { mode: 'serial', port: '/dev/ttyACM0', baudRate: 9600 }, a4Printer: { mode: 'cups', printerName: 'x', host: 'localhost', port: 631 }, camera: { mode: 'v4l2', label: null, pollMs: 2000 } } })).toBe(false);
  });
});

describe('startSimControls (the Electron development bundle)', () => {
  let h: CoreHarness;
  let host: HarnessWebHost | null;
  beforeAll(async () => {
    h = await startCoreHarness();
    host = await startSimControls(h.core);
  });
  afterAll(async () => {
    await host?.close();
    await h?.close();
  });

  it('serves nothing when every device is real', async () => {
    const real = { ...h.core, config: { ...h.core.config, devices: { ...h.core.config.devices, idcard: { mode: 'serial', port: '/dev/null', baudRate: 115200 }, receiptPrinter: { mode: 'tcp', host: '10.0.0.5', baudRate: 115200, tcpPort: 9100, previewDir: null }, scanner: { mode: 'serial', port: '/dev/null', baudRate: 9600 } } } } as typeof h.core;
    expect(await startSimControls(real)).toBeNull();
  });

  it('places a card on the simulated reader with the token, and refuses without it', async () => {
    const without = await fetch(`${host!.origin}/sim/idcard/insert`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(without.status).toBe(401);
    const ok = await fetch(`${host!.origin}/sim/idcard/insert`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': host!.token }, body: JSON.stringify({ card: 'resident' }) });
    expect(ok.status).toBe(200);
    const deadline = Date.now() + 10_000;
    while (h.core.dispatcher && Date.now() < deadline) {
      const r = await h.call('session:current');
      if (r.ok && (r.value as { stage: string }).stage === 'identified') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const session = await h.call('session:current');
    expect(session.ok && (session.value as { stage: string }).stage).toBe('identified');
  });

  it('refuses a second card while one is on the reader (409) unless told to replace it; a lifted card can be placed again', async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${host!.origin}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': host!.token }, body: JSON.stringify(body) });
    await post('/sim/idcard/remove', {});
    expect((await post('/sim/idcard/insert', { card: 'resident' })).status).toBe(200);
    const second = await post('/sim/idcard/insert', { card: 'resident' });
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: string }).error).toMatch(/already on the reader/);
    expect((await post('/sim/idcard/insert', { card: 'resident', replace: true })).status).toBe(200);
    expect((await post('/sim/idcard/insert', { card: 'resident', replace: 'yes' })).status).toBe(400);
    expect((await post('/sim/idcard/remove', {})).status).toBe(200);
    expect((await post('/sim/idcard/insert', { card: 'resident' })).status).toBe(200);
    await post('/sim/idcard/remove', {});
  });
});
