import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintJob, SubmitResult } from '../../common/contract/schemas';
import { startCoreHarness, type CoreHarness } from './support/core-harness';
import { QR_PERSON, RESIDENT } from './support/fixtures';
import { findItem, identifyWithCard, submit, waitForJob, WALK_ITEM_NAME } from './support/walk';

/**
 * Runs whole sessions (ID card, QR e-ID, a rejected QR code, a submission
 * with a phone number and an account number, the receipt, a rating, the
 * reveal of the masked ID) with the core's real file logger, then reads
 * every log file: not one line may hold a name, an ID number, an address
 * or a typed phone number.
 */
describe('the structured log holds no personal data', () => {
  let h: CoreHarness;
  let logText = '';
  let lines: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    h = await startCoreHarness();
    await identifyWithCard(h);
    await h.ok('session:reveal', {}).catch(() => undefined);
    const item = await findItem(h, WALK_ITEM_NAME);
    const tx: SubmitResult = await submit(h, item);
    const job = await h.ok<PrintJob>('printer:printReceipt', { transactionId: tx.id });
    await waitForJob(h, job.jobId, 'done');
    await h.ok('rating:submit', { transactionId: tx.id, serviceCode: item.code, level: 'satisfied' });
    await h.ok('session:end', { reason: 'done' });
    await h.ok('session:identifyByQr', { payload: `EID:${QR_PERSON.idNumber}:${QR_PERSON.name}` });
    await h.ok('session:end', { reason: 'cancelled' });
    await h.call('session:identifyByQr', { payload: `EID:${RESIDENT.idNumber.slice(0, 17)}1:${RESIDENT.name}` });
    const logDir = join(h.dataDir, 'logs');
    // Closing the core flushes and closes the log file (the harness removes the data dir only in afterAll).
    await h.core.close();
    logText = readdirSync(logDir)
      .filter((f) => f.endsWith('.log'))
      .map((f) => readFileSync(join(logDir, f), 'utf8'))
      .join('');
    lines = logText
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('logged the session: core start, devices, session stages, platform requests, the receipt, the rejected QR code', () => {
    const events = new Set(lines.map((l) => l.event));
    for (const e of ['core.start', 'device.status', 'session.stage', 'platform.request', 'print.job', 'session.identify-failed', 'core.stop']) expect(events).toContain(e);
    expect(lines.find((l) => l.event === 'print.job' && l.state === 'done')).toMatchObject({ part: 'core', kind: 'receipt' });
    expect(lines.find((l) => l.event === 'platform.request' && l.path === '/api/v1/identity/qr')).toMatchObject({ part: 'uplink', method: 'POST' });
    expect(lines.every((l) => typeof l.time === 'string' && typeof l.level === 'number')).toBe(true);
  });

  it('greps to 0 hits for the name, ID number, address and typed numbers of both people', () => {
    const needles = [RESIDENT.name, RESIDENT.idNumber, RESIDENT.address, RESIDENT.idNumber.slice(0, 17), QR_PERSON.name, QR_PERSON.idNumber, '13800138000', '6222020200112233'];
    const hits = needles.filter((n) => logText.includes(n));
    expect(hits).toEqual([]);
    expect(logText.length).toBeGreaterThan(1000);
  });
});
