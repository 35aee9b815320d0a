import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './app-origin';

/** Options of {@link createKioskWindow}. */
export interface KioskWindowOptions {
  /** Absolute path of the bundled preload (`dist/electron/preload.cjs`). */
  preloadPath: string;
  /** Full-screen kiosk mode; default true. False only for development on a desktop. */
  kiosk?: boolean;
  /** Allow DevTools; default false (production). */
  devTools?: boolean;
}

/**
 * The renderer lock-down every window of the shell shares: context isolation,
 * sandbox, no Node integration anywhere, web security, no insecure content,
 * no webview tag, no spellcheck dictionary downloads, no drag-and-drop
 * navigation, no `auxclick` event (a middle click cannot open or navigate
 * anything: Blink feature `Auxclick` disabled). DevTools and plugins are off
 * unless a window's options add them.
 */
export const LOCKED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
  devTools: false,
  plugins: false,
  disableBlinkFeatures: 'Auxclick',
} as const satisfies NonNullable<BrowserWindowConstructorOptions['webPreferences']>;

/**
 * The one window's options: kiosk mode, hidden until first paint, and the
 * renderer locked down (context isolation, sandbox, no Node integration,
 * web security, no spellcheck dictionary downloads, no webview tag).
 */
export function kioskWindowOptions(options: KioskWindowOptions): BrowserWindowConstructorOptions {
  const kiosk = options.kiosk ?? true;
  return {
    kiosk,
    fullscreen: kiosk,
    frame: !kiosk,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      ...LOCKED_WEB_PREFERENCES,
      preload: options.preloadPath,
      devTools: options.devTools ?? false,
    },
  };
}

/**
 * Creates the kiosk window (hidden; shown on `ready-to-show`). It loads
 * nothing yet: lockdown and IPC must be in place first, then
 * {@link loadKioskApp}.
 */
export function createKioskWindow(options: KioskWindowOptions): BrowserWindow {
  const win = new BrowserWindow(kioskWindowOptions(options));
  win.once('ready-to-show', () => win.show());
  return win;
}

/**
 * Loads `kiosk://app/index.html`. Resolves when loaded; rejects when the load
 * fails (e.g. the renderer was not built).
 */
export function loadKioskApp(win: BrowserWindow): Promise<void> {
  return win.loadURL(APP_ENTRY_URL);
}
