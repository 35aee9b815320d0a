import type { WebContents } from 'electron';
import { CrashLoop, type CrashLoopOptions } from '../supervisor/crash-loop';

/** The part of Electron's `app` the watchdog listens to for GPU process crashes. */
export interface ChildProcessGoneSource {
  on(event: 'child-process-gone', listener: (event: unknown, details: { type: string; reason: string }) => void): unknown;
  off(event: 'child-process-gone', listener: (event: unknown, details: { type: string; reason: string }) => void): unknown;
}

/** Options of {@link setupRendererWatchdog}. */
export interface WatchdogOptions {
  /** Wait before reloading a crashed renderer, in ms. Default 1000. */
  reloadDelayMs?: number;
  /** How long the renderer may stay unresponsive before it is reloaded, in ms. Default 15000. */
  unresponsiveMs?: number;
  /** Receives one line per recovery. Default none. */
  log?: (line: string) => void;
  /** Electron's `app`, to hear of GPU process crashes (`child-process-gone` with type `GPU`). Default none. */
  app?: ChildProcessGoneSource;
  /** The crash-loop cap shared by every kind of recovery (default 5 in 10 minutes). */
  crashLoop?: CrashLoopOptions;
  /** Milliseconds since the epoch, for the crash window. Default Date.now. */
  now?: () => number;
  /** Called once when the cap is reached: the renderer is no longer reloaded; the caller raises the alert. */
  onOutOfService?: (alert: { code: string; message: string }) => void;
}

/**
 * Keeps the kiosk screen alive without a technician: a renderer process that
 * is gone (crash, OOM, killed) is reloaded after `reloadDelayMs`; one that
 * stays unresponsive for `unresponsiveMs` is reloaded too; after a GPU
 * process crash the page is reloaded so it paints again. A clean exit (app
 * quitting) is left alone. Every recovery counts against one crash-loop cap
 * (the supervisor's rule): once `maxCrashes` fall inside the window, the
 * watchdog stops reloading, logs one line and calls `onOutOfService` (a
 * renderer that crashes in a loop cannot show anything; the alert goes out
 * on the next heartbeat). The reload goes back to the attract screen; main's
 * session wipe is the core's job. Returns a stop function.
 */
export function setupRendererWatchdog(contents: WebContents, options: WatchdogOptions = {}): () => void {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? Date.now;
  const loop = new CrashLoop(options.crashLoop);
  let hangTimer: ReturnType<typeof setTimeout> | null = null;
  let reloadTimer: ReturnType<typeof setTimeout> | null = null;
  let outOfService = false;

  /** Counts one failure; false when the cap has been reached (and says so once). */
  const admit = (why: string): boolean => {
    if (outOfService) return false;
    const decision = loop.crashed(now());
    if (!('outOfService' in decision)) return true;
    outOfService = true;
    const minutes = Math.round(loop.windowMs / 60_000);
    const message = `界面在 ${minutes} 分钟内出错 ${decision.count} 次，暂停服务 / the renderer failed ${decision.count} times in ${minutes} min: out of service`;
    log(`renderer ${why}; ${decision.count} failures in ${minutes} min: no more reloads, out of service, staff alerted`);
    options.onOutOfService?.({ code: 'renderer-crash-loop', message });
    return false;
  };
  const reload = (why: string): void => {
    if (contents.isDestroyed()) return;
    log(`renderer ${why}; reloading`);
    contents.reload();
  };
  const onGone = (_event: unknown, details: { reason: string }): void => {
    if (details.reason === 'clean-exit') return;
    if (!admit(`gone (${details.reason})`)) return;
    reloadTimer = setTimeout(() => reload(`gone (${details.reason})`), options.reloadDelayMs ?? 1000);
  };
  const onUnresponsive = (): void => {
    hangTimer ??= setTimeout(() => {
      hangTimer = null;
      if (admit('unresponsive')) reload('unresponsive');
    }, options.unresponsiveMs ?? 15_000);
  };
  const onResponsive = (): void => {
    if (hangTimer) clearTimeout(hangTimer);
    hangTimer = null;
  };
  const onChildGone = (_event: unknown, details: { type: string; reason: string }): void => {
    if (details.type !== 'GPU' || details.reason === 'clean-exit') return;
    if (!admit(`GPU process gone (${details.reason})`)) return;
    reloadTimer = setTimeout(() => reload(`GPU process gone (${details.reason})`), options.reloadDelayMs ?? 1000);
  };
  contents.on('render-process-gone', onGone);
  contents.on('unresponsive', onUnresponsive);
  contents.on('responsive', onResponsive);
  options.app?.on('child-process-gone', onChildGone);
  return () => {
    contents.off('render-process-gone', onGone);
    contents.off('unresponsive', onUnresponsive);
    contents.off('responsive', onResponsive);
    options.app?.off('child-process-gone', onChildGone);
    if (hangTimer) clearTimeout(hangTimer);
    if (reloadTimer) clearTimeout(reloadTimer);
  };
}
