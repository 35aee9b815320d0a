import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A virtual serial cable made by socat: `kioskEnd` for the driver, `simEnd` for the simulator. */
export interface PtyPair {
  kioskEnd: string;
  simEnd: string;
  /** Kills socat (both ends vanish, like an unplugged cable) and removes the links. */
  destroy(): Promise<void>;
  process: ChildProcess;
}

/** True when socat is installed (CI installs it in `.ci/run`). */
export function hasSocat(): boolean {
  return ['/usr/bin/socat', '/bin/socat', '/usr/local/bin/socat'].some((p) => existsSync(p));
}

/** Starts `socat pty,raw,echo=0,link=A pty,raw,echo=0,link=B` in a temp dir and waits for both links. */
export async function createPtyPair(): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-pty-'));
  const kioskEnd = join(dir, 'ttyKIOSK');
  const simEnd = join(dir, 'ttySIM');
  const proc = spawn('socat', [`pty,raw,echo=0,link=${kioskEnd}`, `pty,raw,echo=0,link=${simEnd}`], { stdio: 'ignore' });
  const deadline = Date.now() + 5000;
  while (!(existsSync(kioskEnd) && existsSync(simEnd))) {
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error('socat did not create the pty pair');
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    kioskEnd,
    simEnd,
    process: proc,
    async destroy() {
      if (proc.exitCode === null && proc.signalCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGKILL');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
