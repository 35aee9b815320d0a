import { describe, expect, it, vi } from 'vitest';
import { fake, resetFakeElectron } from '../../tests/contract/fake-electron';
import { createKioskWindow, kioskWindowOptions, loadKioskApp } from './window';

vi.mock('electron', async () => (await import('../../tests/contract/fake-electron')).electronModule);

describe('kiosk window', () => {
  it('is a kiosk window with an isolated, sandboxed renderer and the preload', () => {
    const o = kioskWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs' });
    expect(o.kiosk).toBe(true);
    expect(o.show).toBe(false);
    expect(o.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('creates exactly one BrowserWindow with those options and loads kiosk://app/index.html only when asked', async () => {
    resetFakeElectron();
    const win = createKioskWindow({ preloadPath: '/p.cjs' });
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]!.options).toEqual(kioskWindowOptions({ preloadPath: '/p.cjs' }));
    const loaded = win as unknown as { loadedUrl: string | null };
    expect(loaded.loadedUrl).toBeNull();
    await loadKioskApp(win);
    expect(loaded.loadedUrl).toBe('kiosk://app/index.html');
  });
});
