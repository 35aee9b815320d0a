import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronModule, fake, resetFakeElectron } from '../../tests/contract/fake-electron';
import { setupShellLockdown } from './shell-lockdown';

vi.mock('electron', async () => (await import('../../tests/contract/fake-electron')).electronModule);

function locked(quitting = { value: false }) {
  const win = new electronModule.BrowserWindow({});
  const lock = setupShellLockdown(win as never, { isQuitting: () => quitting.value });
  const close = () => {
    let refused = false;
    win.emit('close', { preventDefault: () => (refused = true) });
    return refused;
  };
  return { win, lock, close, quitting };
}

describe('shell lockdown', () => {
  beforeEach(() => {
    resetFakeElectron();
    electronModule.app.removeAllListeners();
  });

  it('removes the application menu', () => {
    locked();
    expect(fake.applicationMenus).toEqual([null]);
  });

  it('refuses the window close until the shell is quitting', () => {
    const { close, quitting } = locked();
    expect(close()).toBe(true);
    quitting.value = true;
    expect(close()).toBe(false);
  });

  it('keeps the window on top at the screen-saver level, off the taskbar, and the display awake until released', () => {
    const { win, lock } = locked();
    expect(win.alwaysOnTop).toEqual([[true, 'screen-saver']]);
    expect(win.skipTaskbar).toBe(true);
    expect([...fake.powerSaveBlockers.values()]).toEqual(['prevent-display-sleep']);
    lock.release();
    lock.release();
    expect(fake.powerSaveBlockers.size).toBe(0);
  });

  it('a second instance restores and focuses the kiosk window', () => {
    const { win } = locked();
    win.minimized = true;
    electronModule.app.emit('second-instance');
    expect(win.minimized).toBe(false);
    expect(win.focuses).toBe(1);
    win.destroyed = true;
    electronModule.app.emit('second-instance');
    expect(win.focuses).toBe(1);
  });
});
