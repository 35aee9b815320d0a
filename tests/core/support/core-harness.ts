import { startPlatformSim, type PlatformSim } from '../../../platform-sim/server';
import { fetchPlatformTransactions, type PlatformTransaction } from '../../support/platform-admin';
import type { Result } from '../../../common/contract/errors';
import { loadConfig, type KioskConfigInput } from '../../../main/core/config';
import { createKioskCore, type KioskCore, type KioskCoreOptions } from '../../../main/core/create-kiosk-core';
import { EventLog } from './event-log';
import { tempDir } from './temp-dir';
import { waitUntil } from './wait-until';

export type { PlatformTransaction } from '../../support/platform-admin';

/**
 * A real kiosk core (simulated devices, temp data dir) wired to a real
 * platform-sim started in-process on loopback, driven the way a transport
 * drives it: `dispatcher.handle` for requests, the event hub for events.
 */
export interface CoreHarness {
  core: KioskCore;
  /** Every event the core emitted since start. */
  log: EventLog;
  dataDir: string;
  /** Base URL of the platform (stable across restarts: same port). */
  platformUrl: string;
  /** Sends one request through the dispatcher and returns the raw Result. */
  call(channel: string, payload?: unknown): Promise<Result<unknown>>;
  /** Sends one request and returns its value; throws with the error code when it failed. */
  ok<T>(channel: string, payload?: unknown): Promise<T>;
  /** Sends one request that must fail and returns its error code. */
  fails(channel: string, payload?: unknown): Promise<string>;
  /** Stops the platform (the kiosk sees the network gone) and waits until the core says offline. */
  stopPlatform(): Promise<void>;
  /** Starts the platform again on the same port and data dir. */
  restartPlatform(): Promise<void>;
  /** `GET /admin/transactions` of the platform. */
  platformTransactions(): Promise<PlatformTransaction[]>;
  close(): Promise<void>;
}

/**
 * Starts platform-sim and a kiosk core against it. The core fetches the
 * catalogue at start, so it is cached before any test stops the platform.
 * `config` is merged over a test configuration (short probe interval, long
 * enough acknowledgement wait for a loaded CI machine).
 */
export async function startCoreHarness(config: KioskConfigInput = {}, coreOptions: Pick<KioskCoreOptions, 'a4PrintHost' | 'keyProtection'> = {}): Promise<CoreHarness> {
  const kioskDir = tempDir('kiosk-core-');
  const platformDir = tempDir('kiosk-platform-');
  let platform: PlatformSim | null = await startPlatformSim({ port: 0, dataDir: platformDir.dir, quiet: true });
  const port = platform.port;
  const platformUrl = platform.url;
  const core = await createKioskCore(loadConfig({ submitAckWaitMs: 10_000, ...config, dataDir: kioskDir.dir, platformUrl }, {}), {
    syncPollIntervalMs: 200,
    probeIntervalMs: 100,
    ...coreOptions,
  });
  const log = new EventLog(core.events);

  const call = (channel: string, payload: unknown = {}) => core.dispatcher.handle(channel, payload);
  const harness: CoreHarness = {
    core,
    log,
    dataDir: kioskDir.dir,
    platformUrl,
    call,
    async ok<T>(channel: string, payload: unknown = {}) {
      const r = await call(channel, payload);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    },
    async fails(channel: string, payload: unknown = {}) {
      const r = await call(channel, payload);
      if (r.ok) throw new Error(`${channel} succeeded but was expected to fail: ${JSON.stringify(r.value).slice(0, 200)}`);
      return r.error.code;
    },
    async stopPlatform() {
      await platform?.close();
      platform = null;
      await waitUntil(async () => {
        await core.sync.syncNow();
        return core.sync.connectivity.state === 'offline';
      }, 'the core to notice the platform is gone');
    },
    async restartPlatform() {
      platform = await startPlatformSim({ port, dataDir: platformDir.dir, quiet: true });
    },
    async platformTransactions() {
      return fetchPlatformTransactions(platformUrl);
    },
    async close() {
      log.close();
      await core.close();
      await platform?.close();
      kioskDir.cleanup();
      platformDir.cleanup();
    },
  };
  return harness;
}
