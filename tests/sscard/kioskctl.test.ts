import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { SS_SAMPLE_CARDS } from '../../drivers/sscard/index';
import { runKioskctl, spawnKioskctl, type KioskctlRun } from '../cli/support/kioskctl-process';
import { SsCardDataSchema } from './contract';
import { hasPcscd, startPcscd, type PcscdRig } from './pcscd';
import { fileSimHost, stopFileRig } from './support';

/** Runs kioskctl to completion with the given environment (a PCSCLITE_CSOCK_NAME picks the pcscd). */
function kioskctl(args: string[], env: NodeJS.ProcessEnv): Promise<KioskctlRun> {
  return runKioskctl(args, { env });
}

/** Resolves once a spawned `kioskctl … sim` says it is serving; rejects when it exits first. */
function serving(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (t: string) => {
      stderr += t;
      if (stderr.includes('Ctrl-C')) resolve();
    });
    child.once('exit', () => reject(new Error(`simulator exited early: ${stderr}`)));
  });
}

const rigs: PcscdRig[] = [];
afterAll(async () => {
  await stopFileRig();
  for (const r of rigs) await r.stop();
});

async function daemon(withReader = true): Promise<PcscdRig> {
  const rig = await startPcscd({ withReader });
  rigs.push(rig);
  return rig;
}

describe('kioskctl sscard (spawned CLI)', { timeout: 120_000 }, () => {
  it('exit 2 for usage errors', async () => {
    expect((await kioskctl(['sscard'], process.env)).code).toBe(2);
    const r = await kioskctl(['sscard', 'read', '--wait', 'soon'], process.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--wait');
  });

  it('exit 5 when pcscd is not running', async () => {
    const r = await kioskctl(['sscard', 'read', '--json'], { ...process.env, PCSCLITE_CSOCK_NAME: '/nonexistent/pcscd.comm' });
    expect(r.code).toBe(5);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('service-unavailable');
  });

  describe.skipIf(!hasPcscd())('against a private pcscd (needs root, pcscd and vsmartcard-vpcd)', () => {
    it('exit 5 when PC/SC has no reader', async () => {
      const r = await kioskctl(['sscard', 'read', '--json'], (await daemon(false)).env);
      expect(r.code).toBe(5);
      expect(r.stderr).toContain('no-reader');
      expect(r.stderr).toContain('未找到社保卡读卡器');
    });

    it('exit 0 with the exact JSON object, and a masked summary without --json', async () => {
      const pcscd = await daemon();
      await fileSimHost().insert(SS_SAMPLE_CARDS.sample, pcscd.vpcdPort!, null);
      const r = await kioskctl(['sscard', 'read', '--reader', 'Virtual PCD 00 00', '--wait', '5', '--json'], pcscd.env);
      expect(r.code).toBe(0);
      const data: unknown = JSON.parse(r.stdout);
      expect(SsCardDataSchema.parse(data)).toEqual(data);
      expect(data).toMatchObject({ name: '张三', idNumber: '410102199003070019', cardNumber: 'A00000001', issuingRegion: '410100', validTo: '2030-01-15' });
      expect(r.stdout.trim().split('\n').length).toBe(1);
      const masked = await kioskctl(['sscard', 'read', '--wait', '5'], pcscd.env);
      expect(masked.code).toBe(0);
      expect(masked.stdout).toContain('张*');
      expect(masked.stdout).toContain('4101**********0019');
      expect(masked.stdout).not.toContain('410102199003070019');
      expect(masked.stdout).not.toContain('张三');
      await fileSimHost().remove();
    });

    it('exit 3 for no card within --wait 1', async () => {
      const started = Date.now();
      const r = await kioskctl(['sscard', 'read', '--reader', 'Virtual PCD 00 00', '--wait', '1', '--json'], (await daemon()).env);
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('未检测到社保卡');
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    });

    it('exit 4 with the refusal and its meaning for a card that is not a social-security card', async () => {
      const pcscd = await daemon();
      await fileSimHost().insert(SS_SAMPLE_CARDS.notSsCard, pcscd.vpcdPort!, null);
      const r = await kioskctl(['sscard', 'read', '--wait', '5', '--json'], pcscd.env);
      expect(r.code).toBe(4);
      expect(r.stderr).toContain('unknown-card');
      expect(r.stderr).toContain('SW 6A82');
      await fileSimHost().remove();
    });

    it('sscard sim presents a card that a second kioskctl reads, until SIGINT', async () => {
      const pcscd = await daemon();
      const child = spawnKioskctl(['sscard', 'sim', '--card', SS_SAMPLE_CARDS.expired, '--vpcd-port', String(pcscd.vpcdPort)], { env: process.env });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        await serving(child);
        const r = await kioskctl(['sscard', 'read', '--wait', '5', '--json'], pcscd.env);
        expect(r.code).toBe(0);
        expect(JSON.parse(r.stdout)).toMatchObject({ cardNumber: 'A00000002', expired: true });
      } finally {
        child.kill('SIGINT');
      }
      expect(await exited).toBe(0);
    });

    it('sscard sim refuses an unknown fault with exit 2, and exit 5 when vpcd does not listen', async () => {
      const r = await kioskctl(['sscard', 'sim', '--card', SS_SAMPLE_CARDS.sample, '--fault', 'melt'], process.env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('unknown fault');
      const closed = await kioskctl(['sscard', 'sim', '--card', SS_SAMPLE_CARDS.sample, '--vpcd-port', '1'], process.env);
      expect(closed.code).toBe(5);
    });
  });
});
