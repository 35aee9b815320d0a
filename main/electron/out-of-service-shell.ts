import { join } from 'node:path';
import { app, session } from 'electron';
import type { ServiceState } from '../../common/contract/schemas';
import { RemoteCore } from '../supervisor/remote-core';
import { setupIpc } from './ipc';
import { setupLockdown } from './lockdown';
import { setupShellLockdown } from './shell-lockdown';
import { createKioskWindow, loadKioskApp } from './window';

/** Options of {@link serveOutOfService}. */
export interface OutOfServiceShellOptions {
  /** `app.getAppPath()`. */
  appRoot: string;
  /** Why the terminal is out of service (`inService: false`). */
  state: ServiceState;
  /** Full-screen kiosk window (default true; `KIOSK_WINDOWED=1` in development). */
  kiosk: boolean;
  /** Development shortcuts and devtools (unpackaged only). */
  devTools: boolean;
  log: (line: string) => void;
}

/**
 * The shell without a core, for a start-up the core may not make (the data
 * key cannot be kept as the site configuration allows): the same locked-down
 * kiosk window and IPC host, over a {@link RemoteCore} that never attaches,
 * so the page shows the out-of-service screen for `state.reason` (it answers
 * `system:serviceState` itself; every other call is `core-unavailable`).
 * Stays up until the app quits (a technician fixes the configuration and
 * restarts it), then exits 0.
 */
export async function serveOutOfService(options: OutOfServiceShellOptions): Promise<void> {
  const remote = new RemoteCore();
  remote.detach(options.state, false);
  const win = createKioskWindow({ preloadPath: join(options.appRoot, 'dist', 'electron', 'preload.cjs'), kiosk: options.kiosk, devTools: options.devTools });
  setupLockdown(win.webContents, session.defaultSession, { allowDevShortcuts: options.devTools });
  let quitting = false;
  const shellLock = setupShellLockdown(win, { isQuitting: () => quitting, log: options.log });
  const disposeIpc = setupIpc({ contents: win.webContents, dispatcher: remote, events: remote.events });
  app.on('before-quit', () => {
    if (quitting) return;
    quitting = true;
    shellLock.release();
    disposeIpc();
    app.exit(0);
  });
  app.on('window-all-closed', () => app.quit());
  await loadKioskApp(win);
}
