import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from 'xstate';
import { registerCameraStream, openCameraStreamCount } from '../media/camera-registry';
import { start, stopFlow, toConfirm } from '../testing/flow-driver';
import { submittedReceipts } from './selectors';

afterEach(stopFlow);

describe('kiosk flow machine: idle (cancel, idle time-out, session end)', () => {
  it('cancel from any session screen ends the session with reason cancelled', async () => {
    const { a, api } = await toConfirm();
    const end = vi.spyOn(api.session, 'end');
    a.send({ type: 'CANCEL' });
    await waitFor(a, (s) => s.matches('attract'));
    expect(end).toHaveBeenCalledWith({ reason: 'cancelled' });
  });

  it('after a submission the session is finished, not cancelled: FINISH ends it with reason done; before one FINISH does nothing', async () => {
    const { a, api } = await toConfirm();
    const end = vi.spyOn(api.session, 'end');
    expect(submittedReceipts(a.getSnapshot().context)).toEqual([]);
    a.send({ type: 'FINISH' });
    expect(a.getSnapshot().matches({ session: 'confirm' })).toBe(true);
    a.send({ type: 'SUBMIT' });
    await waitFor(a, (s) => s.context.result !== null);
    expect(submittedReceipts(a.getSnapshot().context)).toEqual([a.getSnapshot().context.result?.receiptNumber]);
    a.send({ type: 'FINISH' });
    await waitFor(a, (s) => s.matches('attract'));
    expect(end).toHaveBeenCalledWith({ reason: 'done' });
  });

  it('idle expiry ends with reason idle, wipes state and stops the camera', async () => {
    const { a, api } = await toConfirm();
    const stop = vi.fn();
    registerCameraStream({ getTracks: () => [{ stop }] });
    const end = vi.spyOn(api.session, 'end');
    a.send({ type: 'IDLE_EXPIRED' });
    await waitFor(a, (s) => s.matches('attract'));
    expect(end).toHaveBeenCalledWith({ reason: 'idle' });
    expect(stop).toHaveBeenCalled();
    expect(openCameraStreamCount()).toBe(0);
    expect(a.getSnapshot().context.identity).toBeNull();
  });

  it('idle and cancel are ignored on the attract screen', async () => {
    const { a, api } = await start();
    a.send({ type: 'IDLE_EXPIRED' });
    a.send({ type: 'CANCEL' });
    expect(a.getSnapshot().matches('attract')).toBe(true);
    expect(api.calls).not.toContain('session.end');
  });

  it('session ended by the core (stage idle) returns to attract', async () => {
    const { a, api } = await toConfirm();
    await api.session.end({ reason: 'cancelled' });
    expect(a.getSnapshot().matches('attract')).toBe(true);
  });
});
