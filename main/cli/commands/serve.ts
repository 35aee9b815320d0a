import { parseCommandArgs, requireOption } from '../args';
import { EXIT, type CliCommand } from '../cli-types';

const USAGE = `kioskctl serve --data-dir DIR --platform URL

Runs the kiosk core headless (simulated devices unless the data dir's
kiosk-config.json configures real ones, sync loop on) until killed.
Prints "serving <deviceId>" once ready.

Exit status: 0 stopped by SIGINT/SIGTERM, 1 could not start, 2 usage.`;

/** `kioskctl serve`: the kiosk core without a screen, for tests and headless installs. */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'run the kiosk core headless (simulated devices, sync loop) until killed',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs(args, { 'data-dir': { type: 'string' }, platform: { type: 'string' } });
    const dataDir = requireOption(values, 'data-dir');
    const platformUrl = requireOption(values, 'platform');
    // Loaded lazily so the other commands start fast and do not load the whole core.
    const { loadConfig } = await import('../../core/config');
    const { createKioskCore } = await import('../../core/create-kiosk-core');
    let core;
    try {
      core = await createKioskCore(loadConfig({ dataDir, platformUrl }), { syncPollIntervalMs: 1000 });
    } catch (e) {
      io.stderr(`kioskctl serve: cannot start: ${(e as Error).message}\n`);
      return EXIT.failure;
    }
    io.stdout(`serving ${core.deviceId}\n`);
    await io.stopSignal;
    await core.close();
    return EXIT.ok;
  },
};
