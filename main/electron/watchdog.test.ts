import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MockWebContents } from '../../tests/contract/fake-electron';
import { setupRendererWatchdog } from './watchdog';

vi.mock('electron', async () => (await import('../../tests/contract/fake-electron')).electronModule);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('setupRendererWatchdog', () => {
  it('reloads a crashed renderer after the delay, but not after a clean exit', () => {
    const contents = new MockWebContents('kiosk://app/index.html');
    setupRendererWatchdog(contents as never, { reloadDelayMs: 500 });
    contents.emit('render-process-gone', {}, { reason: 'clean-exit' });
    vi.advanceTimersByTime(1000);
    expect(contents.reloads).toBe(0);
    contents.emit('render-process-gone', {}, { reason: 'crashed' });
    vi.advanceTimersByTime(499);
    expect(contents.reloads).toBe(0);
    vi.advanceTimersByTime(1);
    expect(contents.reloads).toBe(1);
  });

  it('reloads a renderer that stays unresponsive, not one that recovers', () => {
    const contents = new MockWebContents('kiosk://app/index.html');
    const stop = setupRendererWatchdog(contents as never, { unresponsiveMs: 1000 });
    contents.emit('unresponsive');
    vi.advanceTimersByTime(600);
    contents.emit('responsive');
    vi.advanceTimersByTime(1000);
    expect(contents.reloads).toBe(0);
    contents.emit('unresponsive');
    vi.advanceTimersByTime(1000);
    expect(contents.reloads).toBe(1);
    stop();
    contents.emit('render-process-gone', {}, { reason: 'oom' });
    vi.advanceTimersByTime(5000);
    expect(contents.reloads).toBe(1);
  });
});

describe('setupRendererWatchdog: one crash-loop cap for renderer and GPU failures', () => {
  it('reloads after a GPU process crash, not after another child process or a clean exit', () => {
    const contents = new MockWebContents('kiosk://app/index.html');
    const app = new EventEmitter();
    setupRendererWatchdog(contents as never, { reloadDelayMs: 100, app: app as never });
    app.emit('child-process-gone', {}, { type: 'Utility', reason: 'crashed' });
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'clean-exit' });
    vi.advanceTimersByTime(500);
    expect(contents.reloads).toBe(0);
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed' });
    vi.advanceTimersByTime(100);
    expect(contents.reloads).toBe(1);
  });

  it('stops reloading at the cap (crashes, hangs and GPU crashes counted together), says so once and raises the alert', () => {
    const t = 0;
    const contents = new MockWebContents('kiosk://app/index.html');
    const app = new EventEmitter();
    const lines: string[] = [];
    const alerts: Array<{ code: string }> = [];
    setupRendererWatchdog(contents as never, { reloadDelayMs: 10, unresponsiveMs: 10, app: app as never, now: () => t, log: (l) => lines.push(l), crashLoop: { maxCrashes: 3, windowMs: 60_000 }, onOutOfService: (a) => alerts.push(a) });
    contents.emit('render-process-gone', {}, { reason: 'crashed' });
    vi.advanceTimersByTime(10);
    contents.emit('unresponsive');
    vi.advanceTimersByTime(10);
    expect(contents.reloads).toBe(2);
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed' });
    contents.emit('render-process-gone', {}, { reason: 'oom' });
    vi.advanceTimersByTime(1000);
    expect(contents.reloads).toBe(2);
    expect(alerts).toEqual([{ code: 'renderer-crash-loop', message: expect.stringContaining('out of service') }]);
    expect(lines.filter((l) => l.includes('out of service'))).toHaveLength(1);
  });

  it('failures older than the window do not count', () => {
    let t = 0;
    const contents = new MockWebContents('kiosk://app/index.html');
    setupRendererWatchdog(contents as never, { reloadDelayMs: 10, now: () => t, crashLoop: { maxCrashes: 2, windowMs: 60_000 } });
    contents.emit('render-process-gone', {}, { reason: 'crashed' });
    vi.advanceTimersByTime(10);
    t = 61_000;
    contents.emit('render-process-gone', {}, { reason: 'crashed' });
    vi.advanceTimersByTime(10);
    expect(contents.reloads).toBe(2);
  });
});
