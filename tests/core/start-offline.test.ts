import { afterAll, describe, expect, it } from 'vitest';
import type { Connectivity, ServiceSummary } from '../../common/contract/schemas';
import { loadConfig } from '../../main/core/config';
import { createKioskCore, type KioskCore } from '../../main/core/create-kiosk-core';
import { startPlatformSim, type PlatformSim } from '../../platform-sim/server';
import { EventLog } from './support/event-log';
import { tempDir } from './support/temp-dir';
import { waitUntil } from './support/wait-until';

/** A terminal that boots while the platform is unreachable, then sees it appear. */
describe('core started with the platform down', () => {
  const kiosk = tempDir('kiosk-boot-offline-');
  const platformDir = tempDir('kiosk-boot-platform-');
  let core: KioskCore | null = null;
  let platform: PlatformSim | null = null;
  let log: EventLog;
  let port = 0;
  afterAll(async () => {
    log?.close();
    await core?.close();
    await platform?.close();
    kiosk.cleanup();
    platformDir.cleanup();
  });

  it('starts anyway, offline, with an empty catalogue', async () => {
    const probe = await startPlatformSim({ port: 0, dataDir: platformDir.dir, quiet: true });
    port = probe.port;
    await probe.close();
    core = await createKioskCore(loadConfig({ dataDir: kiosk.dir, platformUrl: `http://127.0.0.1:${port}` }, {}), { syncPollIntervalMs: 200, probeIntervalMs: 100 });
    log = new EventLog(core.events);
    await core.sync.syncNow();
    const status = await core.dispatcher.handle('connectivity:status', {});
    expect(status.ok && (status.value as Connectivity).state).toBe('offline');
    const found = await core.dispatcher.handle('catalogue:search', { query: '' });
    expect(found.ok && (found.value as { total: number }).total).toBe(0);
  });

  it('when the platform appears, goes online and fetches the catalogue without a restart', async () => {
    platform = await startPlatformSim({ port, dataDir: platformDir.dir, quiet: true });
    await waitUntil(() => log.of<{ catalogueVersion: number }>('catalogue:onUpdated').length > 0, 'catalogue:onUpdated');
    expect(log.of<Connectivity>('connectivity:onChanged').some((c) => c.state === 'online')).toBe(true);
    const found = await core!.dispatcher.handle('catalogue:search', { query: 'sbcx' });
    expect(found.ok && (found.value as { items: ServiceSummary[] }).items.map((i) => i.name)).toContain('社保查询');
  });
});
