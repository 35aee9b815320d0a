import type { WebContents } from 'electron';

/** Options of {@link setupRendererWatchdog}. */
export interface WatchdogOptions {
  /** Wait before reloading a crashed renderer, in ms. Default 1000. */
  reloadDelayMs?: number;
  /** How long the renderer may stay unresponsive before it is reloaded, in ms. Default 15000. */
  unresponsiveMs?: number;
  /** Receives one line per recovery. Default none. */
  log?: (line: string) => void;
}

/**
 * Keeps the kiosk screen alive without a technician: a renderer process that
 * is gone (crash, OOM, killed) is reloaded after `reloadDelayMs`; one that
 * stays unresponsive for `unresponsiveMs` is reloaded too. A clean exit
 * (app quitting) is left alone. The reload goes back to the attract screen;
 * main's session wipe is the core's job. Returns a stop function.
 */
export function setupRendererWatchdog(contents: WebContents, options: WatchdogOptions = {}): () => void {
  const log = options.log ?? (() => undefined);
  let hangTimer: ReturnType<typeof setTimeout> | null = null;
  let reloadTimer: ReturnType<typeof setTimeout> | null = null;

  const reload = (why: string): void => {
    if (contents.isDestroyed()) return;
    log(`renderer ${why}; reloading`);
    contents.reload();
  };
  const onGone = (_event: unknown, details: { reason: string }): void => {
    if (details.reason === 'clean-exit') return;
    reloadTimer = setTimeout(() => reload(`gone (${details.reason})`), options.reloadDelayMs ?? 1000);
  };
  const onUnresponsive = (): void => {
    hangTimer ??= setTimeout(() => {
      hangTimer = null;
      reload('unresponsive');
    }, options.unresponsiveMs ?? 15_000);
  };
  const onResponsive = (): void => {
    if (hangTimer) clearTimeout(hangTimer);
    hangTimer = null;
  };
  contents.on('render-process-gone', onGone);
  contents.on('unresponsive', onUnresponsive);
  contents.on('responsive', onResponsive);
  return () => {
    contents.off('render-process-gone', onGone);
    contents.off('unresponsive', onUnresponsive);
    contents.off('responsive', onResponsive);
    if (hangTimer) clearTimeout(hangTimer);
    if (reloadTimer) clearTimeout(reloadTimer);
  };
}
