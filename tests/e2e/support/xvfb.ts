import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A running Xvfb server on a display it picked itself. */
export interface VirtualDisplay {
  /** `:N`, for `DISPLAY`. */
  display: string;
  stop(): Promise<void>;
}

/** Starts `Xvfb` (portrait 1080×1920×24) on a free display (`-displayfd`); rejects after 10 s. */
export function startXvfb(): Promise<VirtualDisplay> {
  const child: ChildProcess = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1080x1920x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Xvfb did not start in 10 s')), 10_000);
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve({
        display: `:${line.trim()}`,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Runs `xdotool` on a display; returns its stdout lines (empty when it found nothing). */
export function xdotool(display: string, args: string[]): string[] {
  const r = spawnSync('xdotool', args, { env: { ...process.env, DISPLAY: display }, encoding: 'utf8', timeout: 10_000 });
  return r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
}

/** Visible Chromium windows, as `{ id, name }`. */
export function chromiumWindows(display: string): Array<{ id: string; name: string }> {
  return xdotool(display, ['search', '--onlyvisible', '--class', 'chromium']).map((id) => ({ id, name: xdotool(display, ['getwindowname', id])[0] ?? '' }));
}
