// Entry of the Electron shell's DEVELOPMENT bundle (dist/electron/dev.cjs,
// built by scripts/build-electron.mjs). The packaged shell (main.cjs) never
// contains this code: main/electron/dev-shell.ts loads this bundle with a
// runtime require of a computed path, only when `app.isPackaged` is false.
// Its exports must satisfy `DevShellTools` of main/electron/dev-shell.ts
// (checked by the type check of tests/dev/shell-bundles.test.ts).
import type { KioskCore } from '../core/create-kiosk-core';
import { startWebHost, type HarnessWebHost } from '../web/web-host';
import { hasSimulatedDevices, simControlRoutes } from './sim-controls';

export { startEmbeddedPlatform } from './embedded-platform';

/**
 * Development and demo only: when any device is simulated, serves the
 * simulator controls (place a card, scan a code, printer faults) on a
 * loopback API-only host, so a demonstrator can drive the Electron kiosk the
 * way the browser mode and the tests do (requires the per-launch token),
 * and logs one line saying how. Resolves null when every device is real.
 */
export async function startSimControls(core: KioskCore, log: (line: string) => void = () => undefined): Promise<HarnessWebHost | null> {
  if (!hasSimulatedDevices(core.config)) return null;
  const host = await startWebHost({ dispatcher: core.dispatcher, events: core.events, staticDir: null, routes: simControlRoutes(core), harness: true });
  log(`simulator controls: POST ${host.origin}/sim/idcard/insert (header X-Kiosk-Token: ${host.token})`);
  return host;
}
