import type { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronModule } from '../../tests/contract/fake-electron';
import { setupUpdater } from './updater';

vi.mock('electron', async () => (await import('../../tests/contract/fake-electron')).electronModule);

const updater = vi.hoisted(() => {
  const listeners = new Map<string, Array<(arg: unknown) => void>>();
  return {
    autoDownload: false,
    autoInstallOnAppQuit: true,
    checkForUpdates: vi.fn(async (): Promise<unknown> => null),
    quitAndInstall: vi.fn(),
    on(event: string, listener: (arg: unknown) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    emit(event: string, arg: unknown) {
      for (const l of listeners.get(event) ?? []) l(arg);
    },
    removeAllListeners() {
      listeners.clear();
    },
  };
});
vi.mock('electron-updater', () => ({ default: { autoUpdater: updater } }));

const app = electronModule.app as EventEmitter & { isPackaged: boolean };

beforeEach(() => {
  vi.useFakeTimers();
  updater.removeAllListeners();
  updater.checkForUpdates.mockClear();
  updater.quitAndInstall.mockClear();
});
afterEach(() => {
  vi.useRealTimers();
  app.isPackaged = false;
});

describe('setupUpdater', () => {
  it('does nothing when the app is not packaged', () => {
    setupUpdater({ isIdle: () => true });
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('downloads in the background, never installs on quit, and installs only once idle', async () => {
    app.isPackaged = true;
    let idle = false;
    const stop = setupUpdater({ isIdle: () => idle, idlePollMs: 1000, checkIntervalMs: 10_000 });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    updater.emit('update-downloaded', { version: '0.2.0' });
    await vi.advanceTimersByTimeAsync(3000);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    idle = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(updater.quitAndInstall).toHaveBeenCalledWith(true, true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
    stop();
  });

  it('logs a failed check instead of throwing', async () => {
    app.isPackaged = true;
    updater.checkForUpdates.mockRejectedValueOnce(new Error('offline'));
    const lines: string[] = [];
    const stop = setupUpdater({ isIdle: () => false, log: (l) => lines.push(l) });
    await vi.advanceTimersByTimeAsync(0);
    expect(lines).toEqual(['update check failed: offline']);
    stop();
  });
});
