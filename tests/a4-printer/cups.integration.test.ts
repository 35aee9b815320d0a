import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCupsPrinter } from '../../drivers/a4-printer/cups-printer';
import type { A4JobState } from '../../drivers/a4-printer/interface';
import { makeTextPdf } from './support/make-pdf';

const PRINTER = 'KioskPDF';
const root = new URL('../../', import.meta.url).pathname;
/** CUPS is a CI requirement (.ci/run installs it); only a machine without the CUPS client tools skips. */
const hasCups = spawnSync('sh', ['-c', 'command -v lpstat'], { stdio: 'ignore' }).status === 0;
/** cups-pdf writes jobs of users without an account (the kiosk submits as "kiosk") here, others to ~/PDF. */
const OUTPUT_DIRS = ['/var/spool/cups-pdf/ANONYMOUS', join(homedir(), 'PDF')];

function findOutput(token: string): string | null {
  for (const dir of OUTPUT_DIRS) {
    if (!existsSync(dir)) continue;
    const hit = readdirSync(dir).find((f) => f.includes(token) && f.endsWith('.pdf'));
    if (hit) return join(dir, hit);
  }
  return null;
}

async function waitForOutput(token: string, ms = 10_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const hit = findOutput(token);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`no cups-pdf output named *${token}* in ${OUTPUT_DIRS.join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function kioskctl(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/kioskctl.mjs', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(!hasCups)('A4 printing through the real CUPS with cups-pdf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-a4-'));
  const printer = openCupsPrinter({ printerName: PRINTER });

  beforeAll(() => {
    // Idempotent; needs root. A non-root run must have had it run by CI first.
    if (spawnSync('lpstat', ['-p', PRINTER], { stdio: 'ignore' }).status !== 0 || !spawnSync('lpstat', ['-r'], { encoding: 'utf8' }).stdout.includes('is running')) {
      execFileSync('bash', [join(root, 'scripts/setup-cups.sh')], { stdio: 'ignore' });
    }
  });
  afterAll(() => {
    spawnSync('cupsenable', [PRINTER]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a PDF: job states pending → completed, the PDF lands and its text reads back', async () => {
    const token = `kiosktest${process.pid}x${Date.now()}`;
    const states: A4JobState[] = [];
    expect((await printer.status()).state).toMatch(/^(online|busy)$/);
    const result = await printer.printPdf(makeTextPdf(['Kiosk A4 certificate test', `Token ${token}`]), { jobName: token, onState: (s) => states.push(s), timeoutMs: 30_000 });
    expect(result.state).toBe('completed');
    expect(result.jobId).toBeGreaterThan(0);
    expect(states.at(-1)).toBe('completed');
    const out = await waitForOutput(token);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Kiosk A4 certificate test');
    expect(text).toContain(`Token ${token}`);
    rmSync(out, { force: true });
  });

  it('kioskctl print-pdf --json prints {jobId, state, printer} and exits 0', async () => {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, makeTextPdf(['kioskctl print-pdf']));
    const run = await kioskctl(['print-pdf', '--printer', PRINTER, file, '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['jobId', 'state', 'printer']);
    expect(json).toMatchObject({ state: 'completed', printer: PRINTER });
    expect(typeof json.jobId).toBe('number');
  });

  it('a disabled printer (cupsdisable) is offline; printing is refused, kioskctl exits 4; re-enabled afterwards', async () => {
    const file = join(dir, 'refused.pdf');
    writeFileSync(file, makeTextPdf(['must not print']));
    execFileSync('cupsdisable', [PRINTER]);
    try {
      const status = await printer.status();
      expect(status).toMatchObject({ device: 'a4Printer', state: 'offline', error: 'paused' });
      await expect(printer.printPdf(makeTextPdf(['must not print']))).rejects.toMatchObject({ kind: 'DeviceNotReady', classCode: 'offline' });
      const run = await kioskctl(['print-pdf', '--printer', PRINTER, file]);
      expect(run.code).toBe(4);
      expect(run.stderr).toContain('not ready: paused');
      expect(run.stdout).toBe('');
    } finally {
      execFileSync('cupsenable', [PRINTER]);
    }
    expect((await printer.status()).state).toMatch(/^(online|busy)$/);
  });

  it('kioskctl print-pdf exits 5 when the spooler is unreachable and 2 for a missing file', async () => {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, makeTextPdf(['x']));
    const unreachable = await kioskctl(['print-pdf', '--printer', PRINTER, '--port', '9', file]);
    expect(unreachable.code).toBe(5);
    expect(unreachable.stderr).toContain('无法连接打印服务');
    expect((await kioskctl(['print-pdf', '--printer', PRINTER, join(dir, 'missing.pdf')])).code).toBe(2);
  });
});
