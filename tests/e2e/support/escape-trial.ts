import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { BLOCKED_KEYS } from '../../../common/lockdown/blocked-inputs';
import { chromiumWindows, xdotool } from './xvfb';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The kiosk page's title, which Chromium's app window carries as its name. */
export const KIOSK_TITLE = '政务服务自助终端';

/** One row of the escape table. */
export interface EscapeResult {
  id: string;
  /** The kiosk window was closed, replaced, joined by another window, or its page changed. */
  escaped: boolean;
  /** What was seen after the key (window names). */
  after: string[];
}

/** The browser launcher (`main/dev/start-browser.ts`) as a child in its own process group. */
export class LauncherProcess {
  child!: ChildProcess;
  output = '';
  constructor(readonly display: string) {}

  /** Starts it and waits (up to `timeoutMs`) for one visible kiosk window. */
  async start(timeoutMs = 90_000): Promise<void> {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-escape-'));
    this.child = spawn(process.execPath, ['--import', 'tsx', 'main/dev/start-browser.ts'], {
      cwd: root,
      detached: true,
      env: { ...process.env, DISPLAY: this.display, KIOSK_DATA_DIR: dataDir, KIOSK_NO_BROWSER: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (b: Buffer) => (this.output += b.toString('utf8')));
    this.child.stderr!.on('data', (b: Buffer) => (this.output += b.toString('utf8')));
    await this.waitForKiosk(timeoutMs);
  }

  /** Waits until exactly one visible Chromium window shows the kiosk page. */
  async waitForKiosk(timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the launcher exited (${this.child.exitCode}):\n${this.output}`);
      const windows = chromiumWindows(this.display);
      if (windows.length === 1 && windows[0]!.name === KIOSK_TITLE) return windows[0]!.id;
      await sleep(300);
    }
    throw new Error(`no kiosk window in ${timeoutMs} ms; launcher said:\n${this.output}`);
  }

  /** Kills the whole process group (launcher, Chromium, platform-sim). */
  killGroup(): void {
    try {
      process.kill(-this.child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * Sends every row of the blocked-key table as a real key event (`xdotool key`)
 * to the kiosk window and records whether it escaped. After an escape the
 * kiosk is brought back (`recover`: wait for the launcher's relaunch, or
 * restart the launcher) before the next row.
 */
export async function runEscapeTrial(display: string, recover: () => Promise<void>, onResult?: (r: EscapeResult) => void, settleMs = 1500): Promise<EscapeResult[]> {
  const results: EscapeResult[] = [];
  for (const row of BLOCKED_KEYS) {
    let before = chromiumWindows(display);
    const previous = results.at(-1);
    if (previous && !(before.length === 1 && before[0]!.name === KIOSK_TITLE)) {
      // A slow escape of the previous key (a window that took longer than settleMs to open) counts against that key.
      previous.escaped = true;
      previous.after = before.map((w) => w.name);
      await recover();
      before = chromiumWindows(display);
    }
    const kiosk = before.find((w) => w.name === KIOSK_TITLE);
    if (!kiosk || before.length !== 1) throw new Error(`before ${row.id}: expected one kiosk window, saw ${JSON.stringify(before)}`);
    xdotool(display, ['windowfocus', '--sync', kiosk.id]);
    xdotool(display, ['key', '--clearmodifiers', row.xdotool]);
    await sleep(settleMs);
    const after = chromiumWindows(display);
    const escaped = after.length !== 1 || after[0]!.id !== kiosk.id || after[0]!.name !== KIOSK_TITLE;
    results.push({ id: row.id, escaped, after: after.map((w) => w.name) });
    onResult?.(results.at(-1)!);
    if (escaped) await recover();
  }
  return results;
}
