import { parseArgs } from 'node:util';
import { startPlatformSim } from './server';

/**
 * `npm run platform-sim -- --port N --data-dir DIR [--quiet] [--payment-ttl-ms MS]`.
 * Prints `platform-sim listening on <url>` as its first stdout line; stops
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
      },
    }));
  } catch (err) {
    process.stderr.write(`platform-sim: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const port = Number(values.port);
  const dataDir = values['data-dir'];
  if (!dataDir || !Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write('usage: platform-sim --port N --data-dir DIR [--host H] [--quiet] [--payment-ttl-ms MS]\n');
    process.exit(2);
  }
  const ttl = values['payment-ttl-ms'] === undefined ? undefined : Number(values['payment-ttl-ms']);
  const sim = await startPlatformSim({ port, host: values.host, dataDir, quiet: values.quiet, paymentTtlMs: ttl });
  process.stdout.write(`platform-sim listening on ${sim.url}\n`);
  const stop = (): void => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`platform-sim: ${(err as Error).message}\n`);
  process.exit(1);
});
