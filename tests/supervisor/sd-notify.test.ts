import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startSdNotify } from '../../main/supervisor/sd-notify';

const here = fileURLToPath(new URL('./support/', import.meta.url));

/**
 * The external watchdog of the shell, with a real AF_UNIX datagram socket
 * standing in for systemd's notify socket and the real `systemd-notify`
 * sending to it: the heartbeat arrives every half of WATCHDOG_USEC while the
 * shell's main loop runs, and stops when the loop hangs, so a watchdog of
 * WatchdogSec notices within that time.
 */
describe('sd_notify heartbeat (real unix datagram socket stand-in)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-notify-'));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('READY=1, then WATCHDOG=1 every half period; a hung main loop is detected within WatchdogSec', async () => {
    const socketPath = join(dir, 'notify.sock');
    const standIn = spawn('python3', [join(here, 'notify-stand-in.py'), socketPath], { stdio: ['pipe', 'pipe', 'inherit'] });
    children.push(standIn);
    const received: Array<{ ms: number; at: number; payload: string }> = [];
    let bound!: () => void;
    const ready = new Promise<void>((r) => (bound = r));
    createInterface({ input: standIn.stdout! }).on('line', (line) => {
      if (line === 'ready') return bound();
      const [ms, ...rest] = line.split(' ');
      received.push({ ms: Number(ms), at: Date.now(), payload: rest.join(' ') });
    });
    await ready;

    // 2 s (heartbeat every 1 s): long enough that a loaded machine's process spawns do not look like a hang.
    const watchdogMs = 2000;
    const shell = fork(join(here, 'notify-shell.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, NOTIFY_SOCKET: socketPath, WATCHDOG_USEC: String(watchdogMs * 1000) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.push(shell);
    const info = await new Promise<{ intervalMs: number }>((r) => shell.once('message', (m) => r(m as { intervalMs: number })));
    expect(info.intervalMs).toBe(watchdogMs / 2);

    // Running: several heartbeats, never more than WatchdogSec apart.
    await new Promise((r) => setTimeout(r, 4500));
    const beats = received.filter((m) => m.payload === 'WATCHDOG=1');
    expect(received.some((m) => m.payload === 'READY=1')).toBe(true);
    expect(beats.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < beats.length; i++) expect(beats[i]!.ms - beats[i - 1]!.ms).toBeLessThan(watchdogMs);

    // Hung: the stand-in's watchdog (WatchdogSec) sees no heartbeat for a whole period.
    const hungAt = Date.now();
    shell.send('hang');
    const lastBefore = Math.max(...received.map((m) => m.at));
    const detected = await new Promise<number>((resolve) => {
      const tick = setInterval(() => {
        const last = Math.max(...received.map((m) => m.at));
        if (Date.now() - last > watchdogMs) {
          clearInterval(tick);
          resolve(Date.now());
        }
      }, 50);
    });
    expect(received.filter((m) => m.at > hungAt + 500)).toEqual([]);
    expect(detected - Math.max(lastBefore, hungAt)).toBeLessThanOrEqual(watchdogMs + 1000);
    shell.kill('SIGABRT'); // what systemd does to a service whose watchdog expired
  }, 30_000);

  it('is off without NOTIFY_SOCKET or outside Linux, and without WATCHDOG_USEC sends no heartbeat', () => {
    const sent: string[] = [];
    const send = (s: string) => void sent.push(s);
    expect(startSdNotify({ env: {}, platform: 'linux', send }).enabled).toBe(false);
    const win = startSdNotify({ env: { NOTIFY_SOCKET: '/run/x', WATCHDOG_USEC: '1000000' }, platform: 'win32', send });
    win.ready();
    expect(win.enabled).toBe(false);
    const plain = startSdNotify({ env: { NOTIFY_SOCKET: '/run/x' }, platform: 'linux', send });
    plain.ready();
    expect(plain.intervalMs).toBeNull();
    const other = startSdNotify({ env: { NOTIFY_SOCKET: '/run/x', WATCHDOG_USEC: '1000000', WATCHDOG_PID: '1' }, platform: 'linux', send });
    expect(other.intervalMs).toBeNull();
    plain.stop();
    expect(sent).toEqual(['READY=1', 'STOPPING=1']);
  });
});
