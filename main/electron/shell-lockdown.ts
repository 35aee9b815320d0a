import { app, Menu, powerSaveBlocker, type BrowserWindow } from 'electron';

/** Options of {@link setupShellLockdown}. */
export interface ShellLockdownOptions {
  /** True once the shell itself has decided to quit (orderly shutdown); until then the window's `close` is refused. */
  isQuitting: () => boolean;
  /** Where a refused close is reported (one line); default: nothing. */
  log?: (line: string) => void;
}

/** What {@link setupShellLockdown} started, to release on quit. */
export interface ShellLockdown {
  /** Stops the display-sleep blocker. Idempotent. */
  release(): void;
}

/**
 * The window-level half of the kiosk lockdown (the page-level half is
 * `setupLockdown` and the renderer guard): no application menu (so Ctrl+W/Q/M
 * and the other menu accelerators do not exist), the window's `close` refused
 * unless the shell is quitting (Alt+F4, the window manager), always on top at
 * the `screen-saver` level, no taskbar entry, display sleep blocked, and a
 * second launch focusing this window instead of opening another.
 */
export function setupShellLockdown(win: BrowserWindow, options: ShellLockdownOptions): ShellLockdown {
  Menu.setApplicationMenu(null);
  win.on('close', (event: { preventDefault(): void }) => {
    if (options.isQuitting()) return;
    event.preventDefault();
    options.log?.('window close refused: the kiosk closes only when the shell quits');
  });
  win.setAlwaysOnTop(true, 'screen-saver');
  win.setSkipTaskbar(true);
  const blocker = powerSaveBlocker.start('prevent-display-sleep');
  app.on('second-instance', () => {
    if (win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      if (powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
    },
  };
}
