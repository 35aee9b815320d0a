import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { openSerialBytePort } from '../../drivers/base/serial-byte-port';
import { IdCardSimulator, loadSimCard, SAMPLE_CARDS } from '../../drivers/idcard/index';
import { createPtyPair, hasSocat, type PtyPair } from '../support/pty-pair';
import { IdCardDataSchema } from './contract';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/kioskctl.mjs ...args` to completion. */
function kioskctl(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/kioskctl.mjs', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

let pty: PtyPair | null = null;
let sim: IdCardSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  await pty?.destroy();
  sim = null;
  pty = null;
});

async function simOnPty(fault: string | null = null, cardPath: string | null = SAMPLE_CARDS.resident): Promise<string> {
  pty = await createPtyPair();
  sim = new IdCardSimulator(await openSerialBytePort({ path: pty.simEnd }), { card: cardPath ? loadSimCard(cardPath) : null, fault });
  return pty.kioskEnd;
}

describe('kioskctl idcard (spawned CLI)', () => {
  it('exit 2 for usage errors', async () => {
    expect((await kioskctl(['idcard'])).code).toBe(2);
    expect((await kioskctl(['idcard', 'read'])).code).toBe(2);
    const r = await kioskctl(['idcard', 'read', '--port', '/dev/null', '--wait', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--wait');
  });

  it('exit 5 when the port cannot be opened', async () => {
    const r = await kioskctl(['idcard', 'read', '--port', '/nonexistent/ttyNOPE', '--json']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('/nonexistent/ttyNOPE');
  });

  describe.skipIf(!hasSocat())('against the simulator over a pty (needs socat)', () => {
    it('exit 0 and the exact JSON object', async () => {
      const port = await simOnPty(null, SAMPLE_CARDS.hmt);
      const r = await kioskctl(['idcard', 'read', '--port', port, '--fingerprint', '--json']);
      expect(r.code).toBe(0);
      const data: unknown = JSON.parse(r.stdout);
      expect(IdCardDataSchema.parse(data)).toEqual(data);
      expect(data).toMatchObject({ cardType: 'hmt-residence-permit', passNumber: 'H12345678', idNumberValid: true });
      expect(r.stdout.trim().split('\n').length).toBe(1);
    });

    it('exit 3 for no card with --wait 1', async () => {
      const port = await simOnPty(null, null);
      const started = Date.now();
      const r = await kioskctl(['idcard', 'read', '--port', port, '--wait', '1', '--json']);
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    });

    it('exit 4 with the SW3 code and meaning on stderr', async () => {
      const port = await simOnPty('sw3-66');
      const r = await kioskctl(['idcard', 'read', '--port', port, '--json']);
      expect(r.code).toBe(4);
      expect(r.stderr).toContain('SW3 66: SAM not authorised');
      expect(r.stderr).toContain('SAM 没经过授权');
    });

    it('idcard sim serves a read from a second kioskctl until SIGINT', async () => {
      pty = await createPtyPair();
      const child = spawn(process.execPath, ['bin/kioskctl.mjs', 'idcard', 'sim', '--port', pty.simEnd, '--card', SAMPLE_CARDS.foreign2017], { stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        await new Promise<void>((resolve, reject) => {
          let stderr = '';
          child.stderr.on('data', (d: Buffer) => {
            stderr += d.toString();
            if (stderr.includes('Ctrl-C')) resolve();
          });
          child.on('exit', () => reject(new Error(`simulator exited early: ${stderr}`)));
        });
        const r = await kioskctl(['idcard', 'read', '--port', pty.kioskEnd, '--json']);
        expect(r.code).toBe(0);
        expect(JSON.parse(r.stdout)).toMatchObject({ cardType: 'foreign-permanent-2017', englishName: 'SMITH, JOHN MICHAEL', nationality: 'USA' });
      } finally {
        child.kill('SIGINT');
      }
      expect(await exited).toBe(0);
    });

    it('idcard sim rejects an unknown fault with exit 2', async () => {
      pty = await createPtyPair();
      const r = await kioskctl(['idcard', 'sim', '--port', pty.simEnd, '--card', SAMPLE_CARDS.resident, '--fault', 'melt']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('unknown fault');
    });
  });
});
