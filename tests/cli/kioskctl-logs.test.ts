import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { logsCommand } from '../../main/cli/commands/logs';
import { runKioskctl } from '../../main/cli/kioskctl';
import { openKioskLogger } from '../../main/core/logging/open-kiosk-logger';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function kioskctl(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runKioskctl(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), stopSignal: new Promise(() => {}) }, [logsCommand]);
  return { code, out, err };
}

describe('kioskctl logs', () => {
  it('shows the last N lines over rotated files, oldest first, readable or as JSON, with personal data already redacted', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-logs-'));
    dirs.push(dataDir);
    // A tiny rotation size so the lines spread over several files.
    const log = await openKioskLogger({ dataDir, rotateSize: '1k', keepFiles: 20 });
    const core = log.logger.child({ part: 'core' });
    for (let i = 0; i < 40; i++) {
      core.info('print.job', { n: i, state: 'done', holder: { name: '李晓明' } });
      // Let each line reach the file: pino-roll checks the size after each write.
      await new Promise((r) => setTimeout(r, 2));
    }
    core.warn('device.status', { device: 'receiptPrinter', state: 'userError' });
    await log.close();
    expect(readdirSync(join(dataDir, 'logs')).filter((f) => f.endsWith('.log')).length).toBeGreaterThan(1);

    const last = await kioskctl('logs', '--data-dir', dataDir, '--lines', '3');
    expect(last.code).toBe(0);
    const shown = last.out.trim().split('\n');
    expect(shown).toHaveLength(3);
    expect(shown[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+ INFO {2}core {10}print\.job n=38 state=done holder=\{"name":"\[redacted\]"\}$/);
    expect(shown[2]).toMatch(/ WARN {2}core {10}device\.status device=receiptPrinter state=userError$/);
    const json = await kioskctl('logs', '--data-dir', dataDir, '--lines', '41', '--json');
    const records = json.out.trim().split('\n').map((l) => JSON.parse(l) as { n?: number });
    expect(records.slice(0, 40).map((r) => r.n)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(json.out).not.toContain('李晓明');
  });

  it('exit 5 when the directory has no logs, 2 on usage errors', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-logs-'));
    dirs.push(dataDir);
    mkdirSync(join(dataDir, 'logs'));
    const none = await kioskctl('logs', '--data-dir', dataDir);
    expect(none.code).toBe(5);
    expect(none.err).toContain('no kiosk logs here');
    expect((await kioskctl('logs', '--data-dir', dataDir, '--lines', 'many')).code).toBe(2);
    expect((await kioskctl('logs')).code).toBe(2);
  });
});
