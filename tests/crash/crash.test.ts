import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminTransactions, exactlyOnce, firstServiceCode, startPlatformProcess, type PlatformProcess } from '../sync/support/platform-process';
import { tempDir } from '../sync/support/temp-dir';
import { drain, runCrashTrials } from './support/crash-harness';

/** Trials in the regular suite (the soak run does 1,000). */
const TRIALS = Number(process.env.KIOSK_CRASH_TRIALS ?? 200);

let platform: PlatformProcess;
const dirs = tempDir('kiosk-crash-');

beforeAll(async () => {
  platform = await startPlatformProcess(`${dirs.dir}/platform`);
});
afterAll(async () => {
  await platform?.kill();
  dirs.cleanup();
});

describe('crash safety: SIGKILL during tx submit and sync now', () => {
  it(
    `every id tx submit printed reaches the platform exactly once after ${TRIALS} random kills`,
    async () => {
      const code = await firstServiceCode(platform.url);
      const report = await runCrashTrials({ trials: TRIALS, workers: 4, platformUrl: platform.url, serviceCode: code, root: dirs.dir, seedPerWorker: 150 });
      expect(report.trials).toBeGreaterThanOrEqual(TRIALS);
      // The kills must actually interrupt work, or the test proves nothing.
      expect(report.killedWhileRunning).toBeGreaterThan(TRIALS * 0.25);
      expect(report.submitted.size - 4 * 150).toBeGreaterThan(TRIALS * 0.05);
      for (const dir of report.dataDirs) expect(await drain(dir, platform.url)).toBe(0);
      const records = await adminTransactions(platform.url);
      const { missing, duplicated } = exactlyOnce(report.submitted, records);
      expect(missing).toEqual([]);
      expect(duplicated).toEqual([]);
      const redelivered = records.filter((r) => r.receivedCount > 1).length;
      console.log(
        `crash: ${report.trials} trials (${platform.implementation}), ${report.killedWhileRunning} killed mid-run, ` +
          `${report.submitsKilledBeforePrint} submits killed before printing, ${report.submitted.size} ids promised, ` +
          `${records.length} platform records, ${redelivered} redelivered (receivedCount > 1), 0 lost, 0 duplicated`,
      );
    },
    600_000,
  );
});
