import { spawn } from 'node:child_process';

/** Sends one sd_notify state line (`READY=1`, `WATCHDOG=1`, `STATUS=…`). */
export type NotifySender = (state: string) => void;

/**
 * The default sender: Debian's `systemd-notify --no-block STATE` (part of
 * systemd, present wherever the unit runs), which writes the datagram to
 * `$NOTIFY_SOCKET`. Node has no AF_UNIX datagram sockets and a native
 * module would need rebuilding for Electron; the unit sets
 * `NotifyAccess=all` because the datagram comes from that helper's pid.
 * Failures are ignored: a missed heartbeat is what the watchdog is for.
 */
export function systemdNotifySender(env: NodeJS.ProcessEnv = process.env): NotifySender {
  return (state) => {
    const child = spawn('systemd-notify', ['--no-block', state], { env, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  };
}

/** Options of {@link startSdNotify}. */
export interface SdNotifyOptions {
  /** Default `process.env`: `NOTIFY_SOCKET` and `WATCHDOG_USEC` come from systemd. */
  env?: NodeJS.ProcessEnv;
  /** Default `process.platform`. Only `linux` talks to systemd. */
  platform?: NodeJS.Platform;
  /** Default {@link systemdNotifySender}. */
  send?: NotifySender;
}

/** A running notifier. */
export interface SdNotify {
  /** False when not started by systemd (no `NOTIFY_SOCKET`, or not Linux): every call is then a no-op. */
  readonly enabled: boolean;
  /** The heartbeat interval in ms (half of `WATCHDOG_USEC`), or null without `WatchdogSec`. */
  readonly intervalMs: number | null;
  /** Says `READY=1` (the shell has its window and its core). */
  ready(): void;
  /** Stops the heartbeat and says `STOPPING=1`. */
  stop(): void;
}

/**
 * The shell's heartbeat to systemd, so something outside the shell notices a
 * hung main process (alive but stuck): with `WatchdogSec=` in the unit,
 * systemd sets `WATCHDOG_USEC`; this sends `WATCHDOG=1` every half of it
 * from the main event loop. A loop that is stuck sends nothing, systemd
 * kills the shell after `WatchdogSec` and `Restart=always` starts it again
 * (docs/operations.md). `WATCHDOG_PID`, when set, must be this process.
 */
export function startSdNotify(options: SdNotifyOptions = {}): SdNotify {
  const env = options.env ?? process.env;
  const enabled = (options.platform ?? process.platform) === 'linux' && typeof env.NOTIFY_SOCKET === 'string' && env.NOTIFY_SOCKET.length > 0;
  const send = options.send ?? systemdNotifySender(env);
  const usec = Number(env.WATCHDOG_USEC);
  const forUs = !env.WATCHDOG_PID || Number(env.WATCHDOG_PID) === process.pid;
  const intervalMs = enabled && forUs && Number.isFinite(usec) && usec > 0 ? Math.max(1, Math.floor(usec / 2000)) : null;
  let timer: ReturnType<typeof setInterval> | null = null;
  if (intervalMs !== null) {
    send('WATCHDOG=1');
    timer = setInterval(() => send('WATCHDOG=1'), intervalMs);
  }
  return {
    enabled,
    intervalMs,
    ready() {
      if (enabled) send('READY=1');
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      if (enabled) send('STOPPING=1');
    },
  };
}
