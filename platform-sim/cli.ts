import { parseArgs } from 'node:util';
import { startPlatformSim } from './server';

const USAGE = 'usage: platform-sim --port N --data-dir DIR [--host H] [--quiet] [--payment-ttl-ms MS] [--require-signed-requests] [--issue-enrolment-code SITE] [--parent-pid PID] [--updates-dir DIR]\n';

/**
 * `npm run platform-sim -- --port N --data-dir DIR [--quiet] [--payment-ttl-ms MS]
 * [--require-signed-requests] [--issue-enrolment-code SITE] [--parent-pid PID] [--updates-dir DIR]`.
 * `--updates-dir DIR` serves the update feed from DIR (`DIR/<channel>/latest-linux.yml`
 * and the artifacts; default `<data-dir>/updates`).
 * `--parent-pid PID` stops it once that process is gone (the launcher that started it).
 * `--require-signed-requests` refuses unsigned API requests (`signature-missing`);
 * `--issue-enrolment-code SITE` issues one one-time enrolment code for SITE at
 * start and prints `platform-sim enrolment code CODE for site SITE` before the
 * listening line (the development launcher enrols the terminal with it).
 * Prints `platform-sim listening on <url>` as its last start-up stdout line; stops
 * cleanly on SIGINT / SIGTERM. Exit code 2 on bad arguments, 1 when it cannot start.
 */
async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        'data-dir': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        'payment-ttl-ms': { type: 'string' },
        'require-signed-requests': { type: 'boolean', default: false },
        'issue-enrolment-code': { type: 'string' },
        'parent-pid': { type: 'string' },
        'updates-dir': { type: 'string' },
      },
    }));
  } catch (err) {
    process.stderr.write(`platform-sim: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const port = Number(values.port);
  const dataDir = values['data-dir'];
  if (!dataDir || !Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const ttl = values['payment-ttl-ms'] === undefined ? undefined : Number(values['payment-ttl-ms']);
  const site = values['issue-enrolment-code'];
  const parentPid = values['parent-pid'];
  if ((site !== undefined && !/^[A-Za-z0-9._-]{1,64}$/.test(site)) || (parentPid !== undefined && !/^[1-9][0-9]{0,9}$/.test(parentPid))) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const sim = await startPlatformSim({ port, host: values.host, dataDir, quiet: values.quiet, paymentTtlMs: ttl, requireSignedRequests: values['require-signed-requests'], updatesDir: values['updates-dir'] });
  if (site !== undefined) {
    const r = await fetch(`${sim.url}/admin/enrolment-codes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ siteId: site }) });
    if (!r.ok) throw new Error(`could not issue an enrolment code: HTTP ${r.status}`);
    process.stdout.write(`platform-sim enrolment code ${((await r.json()) as { code: string }).code} for site ${site}\n`);
  }
  process.stdout.write(`platform-sim listening on ${sim.url}\n`);
  const stop = (): void => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (parentPid !== undefined) exitWithParent(Number(parentPid), stop);
}

/**
 * Stops the simulator once the process that started it is gone (a launcher
 * killed with SIGKILL cannot stop its children): polled every 500 ms, gone
 * when this process has been re-parented (POSIX) or the pid no longer exists.
 */
function exitWithParent(parentPid: number, stop: () => void): void {
  const timer = setInterval(() => {
    let alive = process.ppid === parentPid || process.platform === 'win32';
    try {
      process.kill(parentPid, 0);
    } catch {
      alive = false;
    }
    if (alive) return;
    clearInterval(timer);
    stop();
  }, 500);
  timer.unref();
}

main().catch((err: unknown) => {
  process.stderr.write(`platform-sim: ${(err as Error).message}\n`);
  process.exit(1);
});
