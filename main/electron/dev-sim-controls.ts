import type { KioskCore } from '../core/create-kiosk-core';
import type { KioskConfig } from '../core/config';
import { simControlRoutes } from '../core/sim-controls';
import { startWebHost, type WebHost } from '../web/web-host';

/** True when at least one device is the in-process simulator. */
export function hasSimulatedDevices(config: Pick<KioskConfig, 'devices'>): boolean {
  return Object.values(config.devices ?? {}).some((d) => (d as { mode?: string }).mode === 'sim');
}

/**
 * Development and demo only (never in a packaged build): serves the
 * simulator controls (place a card, scan a code, printer faults) on a
 * loopback API-only host, so a demonstrator can drive the Electron kiosk
 * the way the browser mode and the tests do. Requires the per-launch token.
 */
export function startDevSimControls(core: KioskCore): Promise<WebHost> {
  return startWebHost({ dispatcher: core.dispatcher, events: core.events, staticDir: null, routes: simControlRoutes(core) });
}
