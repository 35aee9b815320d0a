import { runKioskctl } from './kioskctl';

const stopSignal = new Promise<void>((resolve) => {
  process.once('SIGINT', () => resolve());
  process.once('SIGTERM', () => resolve());
});

const status = await runKioskctl(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stopSignal,
});
// Let stdout flush before exiting with the status.
process.exitCode = status;
setImmediate(() => process.exit(status));
