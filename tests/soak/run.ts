import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drain, runCrashTrials } from '../crash/support/crash-harness';
import { adminTransactions, exactlyOnce, firstServiceCode, startPlatformProcess } from '../sync/support/platform-process';

/**
 * `npm run soak`: the crash test at soak scale (default 1,000 SIGKILL trials;
 * `--trials N` to change). Exits 0 when every printed id is on the platform
 * exactly once, 1 otherwise.
 */
const arg = process.argv.indexOf('--trials');
const trials = arg >= 0 ? Number(process.argv[arg + 1]) : 1000;
const root = mkdtempSync(join(tmpdir(), 'kiosk-soak-'));
const platform = await startPlatformProcess(join(root, 'platform'));
let status = 1;
try {
  const started = Date.now();
  const code = await firstServiceCode(platform.url);
  const report = await runCrashTrials({ trials, workers: 4, platformUrl: platform.url, serviceCode: code, root, seedPerWorker: 300 });
  for (const dir of report.dataDirs) {
    const c = await drain(dir, platform.url);
    if (c !== 0) console.log(`drain of ${dir} ended with ${c}`);
  }
  const records = await adminTransactions(platform.url);
  const { missing, duplicated } = exactlyOnce(report.submitted, records);
  console.log(
    `soak: ${report.trials} trials in ${((Date.now() - started) / 1000).toFixed(1)} s (${platform.implementation}); ${report.killedWhileRunning} killed mid-run; ` +
      `${report.submitted.size} ids promised; ${records.length} platform records; ${records.filter((r) => r.receivedCount > 1).length} redelivered; ` +
      `${missing.length} lost; ${duplicated.length} duplicated`,
  );
  status = missing.length === 0 && duplicated.length === 0 ? 0 : 1;
} finally {
  await platform.kill();
  rmSync(root, { recursive: true, force: true });
}
process.exit(status);
