import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { screen, start, stopFlow, until } from '../testing/flow-driver';
import { TestKioskApi, TEST_TECHNICIAN_PIN } from '../testing/test-kiosk-api';

const CREDENTIAL = TestKioskApi.TECHNICIAN_CREDENTIAL;

describe('technician flow', () => {
  afterEach(stopFlow);

  it('attract → unlock → technician → hand back → attract, the role locked again', async () => {
    const { api, a } = await start();
    a.send({ type: 'TECHNICIAN_OPEN' });
    expect(screen(a)).toBe('technicianUnlock');
    a.send({ type: 'TECHNICIAN_UNLOCK', credential: CREDENTIAL, pin: TEST_TECHNICIAN_PIN });
    await until(a, 'technician');
    expect(a.getSnapshot().context.technician?.name).toBe('测试技术员');
    expect(await api.technician.printTestReceipt({})).toMatchObject({ state: 'done', reason: null, preview: { title: '打印机测试页' } });
    a.send({ type: 'HAND_BACK' });
    await until(a, 'attract');
    expect(api.technicianActions).toEqual(['printTestReceipt', 'handBack']);
    expect(a.getSnapshot().context.technician).toBeNull();
    await expect(api.technician.status({})).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('the technician screen learns what protects the data key; hand-back forgets it', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    api.keyProtection = 'tpm2';
    const { a } = await start(api);
    expect(a.getSnapshot().context.technicianKeyProtection).toBeNull();
    a.send({ type: 'TECHNICIAN_OPEN' });
    a.send({ type: 'TECHNICIAN_UNLOCK', credential: CREDENTIAL, pin: TEST_TECHNICIAN_PIN });
    await until(a, 'technician');
    await waitFor(a, (s) => s.context.technicianKeyProtection !== null, { timeout: 1000 });
    expect(a.getSnapshot().context.technicianKeyProtection).toBe('tpm2');
    expect(api.calls).toContain('technician.status');
    a.send({ type: 'HAND_BACK' });
    await until(a, 'attract');
    expect(a.getSnapshot().context.technicianKeyProtection).toBeNull();
  });

  it('a wrong PIN stays on the unlock screen with the reason and the attempts left; BACK returns to attract', async () => {
    const { a } = await start();
    a.send({ type: 'TECHNICIAN_OPEN' });
    a.send({ type: 'TECHNICIAN_UNLOCK', credential: CREDENTIAL, pin: '000000' });
    await waitFor(a, (s) => s.context.technicianRefusal !== null, { timeout: 1000 });
    expect(screen(a)).toBe('technicianUnlock');
    expect(a.getSnapshot().context.technicianRefusal).toEqual({ reason: 'pin-wrong', lockedUntil: null, attemptsLeft: 4 });
    a.send({ type: 'BACK' });
    expect(screen(a)).toBe('attract');
    expect(a.getSnapshot().context.technicianRefusal).toBeNull();
  });

  it('five refusals lock entry: the fifth answer is locked with its end', async () => {
    const { a } = await start();
    a.send({ type: 'TECHNICIAN_OPEN' });
    for (let i = 0; i < 5; i++) {
      a.send({ type: 'TECHNICIAN_UNLOCK', credential: CREDENTIAL, pin: '111111' });
      await waitFor(a, (s) => s.matches('technicianUnlock'), { timeout: 1000 });
    }
    const refusal = a.getSnapshot().context.technicianRefusal;
    expect(refusal?.reason).toBe('locked');
    expect(Date.parse(refusal?.lockedUntil ?? '') - Date.now()).toBeGreaterThan(50_000);
    // Opened again while locked: the screen says so before anything is typed.
    a.send({ type: 'BACK' });
    a.send({ type: 'TECHNICIAN_OPEN' });
    await waitFor(a, (s) => s.context.technicianRefusal?.reason === 'locked', { timeout: 1000 });
  });

  it('the idle time-out on the technician screen hands back before attract', async () => {
    const { api, a } = await start();
    a.send({ type: 'TECHNICIAN_OPEN' });
    a.send({ type: 'TECHNICIAN_UNLOCK', credential: CREDENTIAL, pin: TEST_TECHNICIAN_PIN });
    await until(a, 'technician');
    a.send({ type: 'IDLE_EXPIRED' });
    await until(a, 'attract');
    expect(api.technicianActions).toEqual(['handBack']);
  });

  it('an empty credential or a non-digit PIN is not sent', async () => {
    const { api, a } = await start();
    a.send({ type: 'TECHNICIAN_OPEN' });
    a.send({ type: 'TECHNICIAN_UNLOCK', credential: '  ', pin: TEST_TECHNICIAN_PIN });
    a.send({ type: 'TECHNICIAN_UNLOCK', credential: CREDENTIAL, pin: '12a' });
    expect(screen(a)).toBe('technicianUnlock');
    expect(api.calls).not.toContain('technicianAccess.unlock');
  });
});
