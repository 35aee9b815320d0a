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
