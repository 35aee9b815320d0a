import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSerialBytePort } from '../../drivers/base/serial-byte-port';
import { ReceiptPrinterSimulator, receiptText } from '../../drivers/receipt-printer/index';
import { openKioskStore, readOrCreateDeviceId } from '../../offline-cache/index';
import { createPtyPair, hasSocat, type PtyPair } from '../support/pty-pair';
import { finished, spawnKioskctl } from './support/kioskctl-process';

const DOCUMENT = { title: '政务服务办件回执', lines: [{ label: '受理编号', value: 'R-TEST-0001' }], qr: 'ZWFW:R-TEST-0001', footer: null };

/** Journals one receipt that failed with paper out, as the core does. */
function journalFailedJob(dataDir: string): string {
  const store = openKioskStore({ dataDir, deviceId: readOrCreateDeviceId(dataDir) });
  try {
    const job = store.printJobs.create({ transactionId: null, document: DOCUMENT });
    store.printJobs.markPrinting(job.id);
    store.printJobs.markFailed(job.id, 'paper-out');
    return job.id;
  } finally {
    store.close();
  }
}

describe.skipIf(!hasSocat())('kioskctl print-jobs', () => {
  let dataDir: string;
  let pair: PtyPair | null = null;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-print-jobs-'));
  });
  afterEach(async () => {
    await pair?.destroy();
    pair = null;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists a failed receipt, reprints it on the printer, and then lists nothing', async () => {
    const jobId = journalFailedJob(dataDir);
    const listed = await finished(spawnKioskctl(['print-jobs', 'list', '--data-dir', dataDir, '--json']));
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ id: jobId, state: 'failed', reason: 'paper-out' }]);

    pair = await createPtyPair();
    const sim = new ReceiptPrinterSimulator(await openSerialBytePort({ path: pair.simEnd }));
    const run = await finished(spawnKioskctl(['print-jobs', 'reprint', '--data-dir', dataDir, '--job', jobId, '--port', pair.kioskEnd]));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(sim.printed).toHaveLength(1);
    expect(receiptText(sim.printed[0]!).join('\n')).toContain('R-TEST-0001');
    await sim.close();

    const after = await finished(spawnKioskctl(['print-jobs', 'list', '--data-dir', dataDir, '--json']));
    expect(JSON.parse(after.stdout)).toEqual([]);
  });

  it('exit 3 for an unknown job, 5 for a port that cannot be opened, 2 for usage', async () => {
    const jobId = journalFailedJob(dataDir);
    expect((await finished(spawnKioskctl(['print-jobs', 'reprint', '--data-dir', dataDir, '--job', 'nope', '--port', '/dev/null-kiosk']))).code).toBe(3);
    expect((await finished(spawnKioskctl(['print-jobs', 'reprint', '--data-dir', dataDir, '--job', jobId, '--port', '/nonexistent/tty']))).code).toBe(5);
    expect((await finished(spawnKioskctl(['print-jobs', 'reprint', '--data-dir', dataDir]))).code).toBe(2);
    expect((await finished(spawnKioskctl(['print-jobs']))).code).toBe(2);
  });
});
