import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { RELAUNCH_EXIT_CODE, setupShellCrashHandlers } from './shell-crash';

function harness(beforeRelaunch?: () => Promise<void>) {
  const proc = new EventEmitter();
  const calls: string[] = [];
  const lines: string[] = [];
  const app = { relaunch: () => void calls.push('relaunch'), exit: (code: number) => void calls.push(`exit ${code}`) };
  const stop = setupShellCrashHandlers({ app, log: (l) => lines.push(l), proc: proc as never, graceMs: 50, ...(beforeRelaunch ? { beforeRelaunch } : {}) });
  return { proc, calls, lines, stop };
}

describe('setupShellCrashHandlers', () => {
  it('an uncaught exception is logged in one line and leads to stop-then-relaunch, once', async () => {
    const order: string[] = [];
    const h = harness(async () => void order.push('core stopped'));
    h.proc.emit('uncaughtException', new TypeError('boom\n    at secret/stack.js:1'));
    h.proc.emit('unhandledRejection', new Error('second'));
    await new Promise((r) => setTimeout(r, 10));
    expect(h.lines).toEqual(['shell: uncaught exception (TypeError: boom); relaunching the kiosk', 'shell: unhandled rejection while relaunching (Error: second)']);
    expect(order).toEqual(['core stopped']);
    expect(h.calls).toEqual(['relaunch', `exit ${RELAUNCH_EXIT_CODE}`]);
  });

  it('an unhandled rejection relaunches even when the orderly stop hangs (bounded wait)', async () => {
    const h = harness(() => new Promise<void>(() => undefined));
    h.proc.emit('unhandledRejection', 'plain reason');
    await new Promise((r) => setTimeout(r, 20));
    expect(h.calls).toEqual([]);
    await new Promise((r) => setTimeout(r, 60));
    expect(h.calls).toEqual(['relaunch', `exit ${RELAUNCH_EXIT_CODE}`]);
    expect(h.lines[0]).toBe('shell: unhandled rejection (plain reason); relaunching the kiosk');
  });

  it('the handlers are what keeps Electron from showing its modal box: they are installed, and removed by stop', () => {
    const h = harness();
    expect(h.proc.listenerCount('uncaughtException')).toBe(1);
    expect(h.proc.listenerCount('unhandledRejection')).toBe(1);
    h.stop();
    expect(h.proc.listenerCount('uncaughtException')).toBe(0);
  });
});
