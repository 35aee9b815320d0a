import { join } from 'node:path';
import { serveBareReactPage } from './bare-react-page';
import { rendererSnapshot, startKioskServers } from './bench-kiosk';

/**
 * The servers of the cold-start bench, in a process of their own (run by
 * `ui-cold-start.bench.ts` as `tsx bench/support/cold-start-server.ts DIR`):
 * platform-sim (its own process, as always), the core with simulated devices
 * and the loopback web host serving a private renderer snapshot — as in
 * browser mode and as in Electron, where the core never shares an event loop
 * with whatever drives the browser — and the bare React page's server. Prints
 * one JSON line `{kiosk, bare, bundle, bareBytes}` when ready (`kiosk`: 200
 * one-time launch URLs, valid for an hour, one per page load); stops on SIGTERM.
 */
const dir = process.argv[2];
if (!dir) throw new Error('usage: cold-start-server.ts DIR');
const renderer = await rendererSnapshot(dir);
const { platform, core, host } = await startKioskServers(dir, renderer.dir, 3_600_000);
const bare = await serveBareReactPage(join(dir, 'bare'));
process.stdout.write(`${JSON.stringify({ kiosk: Array.from({ length: 200 }, () => host.launchUrl()), bare: bare.url, bundle: renderer.bundle, bareBytes: bare.bytes })}\n`);

async function stop(): Promise<void> {
  await bare.close();
  await host.close();
  await core.close();
  await platform.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
