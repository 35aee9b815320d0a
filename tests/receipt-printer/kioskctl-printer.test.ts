import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPtyPair, type PtyPair } from '../support/pty-pair';
import { sampleReceipt } from './sample-receipt';

const KIOSKCTL = join(process.cwd(), 'bin', 'kioskctl.mjs');

type Run = { code: number | null; stdout: string; stderr: string };

function kioskctl(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [KIOSKCTL, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `kioskctl printer sim` on the pty's simulator end and waits for its ready line. */
async function startSim(pair: PtyPair, extra: string[]): Promise<{ child: ChildProcess; output: () => string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [KIOSKCTL, 'printer', 'sim', '--port', pair.simEnd, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const deadline = Date.now() + 15_000;
  while (!out.includes('simulator ready')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`simulator did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

describe('kioskctl printer (child processes, simulator over a pty)', () => {
  let dir: string;
  let receiptFile: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kioskctl-printer-'));
    receiptFile = join(dir, 'receipt.json');
    writeFileSync(receiptFile, JSON.stringify(sampleReceipt()));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('healthy printer: status --json exact line, receipt and test page exit 0, previews written', async () => {
    const pair = await createPtyPair();
    const previewDir = join(dir, 'previews');
    const sim = await startSim(pair, ['--preview-dir', previewDir]);
    try {
      const status = await kioskctl(['printer', 'status', '--port', pair.kioskEnd, '--json']);
      expect(status).toMatchObject({ code: 0, stdout: '{"online": true, "paper": "ok", "coverOpen": false, "error": null}\n' });
      const receipt = await kioskctl(['printer', 'receipt', '--port', pair.kioskEnd, '--baud', '115200', '--file', receiptFile]);
      expect(receipt.code, receipt.stderr).toBe(0);
      const test = await kioskctl(['printer', 'test', '--port', pair.kioskEnd]);
      expect(test.code, test.stderr).toBe(0);
    } finally {
      expect(await sim.stop()).toBe(0);
      await pair.destroy();
    }
    expect(sim.output()).toContain('printed receipt 2');
    expect(existsSync(join(previewDir, 'receipt-0001.png'))).toBe(true);
    expect(existsSync(join(previewDir, 'receipt-0002.png'))).toBe(true);
  });

  it('paper out: receipt exits 4 with the reason on stderr, status --json says out', async () => {
    const pair = await createPtyPair();
    const sim = await startSim(pair, ['--fault', 'paper-out']);
    try {
      const [receipt, status] = [await kioskctl(['printer', 'receipt', '--port', pair.kioskEnd, '--file', receiptFile]), await kioskctl(['printer', 'status', '--port', pair.kioskEnd, '--json'])];
      expect(receipt.code).toBe(4);
      expect(receipt.stderr).toContain('paper out');
      expect(status).toMatchObject({ code: 0, stdout: '{"online": false, "paper": "out", "coverOpen": false, "error": null}\n' });
    } finally {
      await sim.stop();
      await pair.destroy();
    }
  });

  it('printer that does not answer: status exits 4 with the reason on stderr', async () => {
    const pair = await createPtyPair();
    const sim = await startSim(pair, ['--fault', 'unresponsive']);
    try {
      const status = await kioskctl(['printer', 'status', '--port', pair.kioskEnd, '--json']);
      expect(status.code).toBe(4);
      expect(status.stdout).toBe('');
      expect(status.stderr).toContain('no response');
    } finally {
      await sim.stop();
      await pair.destroy();
    }
  });

  it('exit 5 when the port cannot be opened, 2 on usage errors', async () => {
    const missing = join(dir, 'no-such-tty');
    const [open, status, usage, badFile, badFault] = await Promise.all([
      kioskctl(['printer', 'receipt', '--port', missing, '--file', receiptFile]),
      kioskctl(['printer', 'status', '--port', missing, '--json']),
      kioskctl(['printer', 'receipt', '--port', missing]),
      kioskctl(['printer', 'receipt', '--port', missing, '--file', join(dir, 'nope.json')]),
      kioskctl(['printer', 'sim', '--port', missing, '--fault', 'jammed']),
    ]);
    expect(open.code).toBe(5);
    expect(status.code).toBe(5);
    expect(status.stdout).toBe('');
    expect(usage.code).toBe(2);
    expect(badFile.code).toBe(2);
    expect(badFault.code).toBe(2);
  });
});
