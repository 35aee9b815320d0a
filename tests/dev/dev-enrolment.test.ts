import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ServiceState } from '../../common/contract/schemas';
import { loadConfig } from '../../main/core/config';
import { startBrowserKiosk, type BrowserKiosk } from '../../main/dev/browser-kiosk';

// The default development path (`npm start` with nothing configured): the embedded platform
// requires signed requests and issues a one-time code, with which the fresh terminal enrols itself.
describe('browser mode with the embedded platform: signing on by default', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-dev-enrol-'));
  let kiosk: BrowserKiosk | null = null;
  let platformUrl = '';
  afterAll(async () => {
    await kiosk?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = () =>
    startBrowserKiosk({
      config: loadConfig({ dataDir: join(dir, 'kiosk') }, {}),
      rendererDir: null,
      log: () => undefined,
      outOfServiceRetryMs: null,
      onPlatformStarted: (p) => void (platformUrl = p.url),
    });

  async function serviceState(k: BrowserKiosk): Promise<ServiceState> {
    const r = await k.core.remote.handle('system:serviceState', {}, k.core.remote.connections.open('test'));
    if (!r.ok) throw new Error('system:serviceState failed');
    return r.value as ServiceState;
  }

  async function devices(): Promise<Array<{ deviceId: string; siteId: string; revokedAt: string | null }>> {
    return (await (await fetch(`${platformUrl}/admin/devices`)).json()) as Array<{ deviceId: string; siteId: string; revokedAt: string | null }>;
  }

  it('a fresh terminal enrols itself at first start and opens for citizens; the platform refuses unsigned requests', async () => {
    kiosk = await start();
    const enrolmentPath = join(dir, 'kiosk', 'enrolment.json');
    expect(existsSync(enrolmentPath)).toBe(true);
    const enrolment = JSON.parse(readFileSync(enrolmentPath, 'utf8')) as { deviceId: string; siteId: string; algorithm: string };
    expect(enrolment).toMatchObject({ siteId: 'dev-site', algorithm: 'ed25519' });
    expect(await devices()).toEqual([expect.objectContaining({ deviceId: enrolment.deviceId, siteId: 'dev-site', revokedAt: null })]);
    expect(await serviceState(kiosk)).toEqual({ inService: true, reason: null });
    const unsigned = await fetch(`${platformUrl}/api/v1/time`);
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as { error: string }).error).toBe('signature-missing');
  });

  it('a restart keeps the enrolment: the same device, no second one at the platform', async () => {
    const before = JSON.parse(readFileSync(join(dir, 'kiosk', 'enrolment.json'), 'utf8')) as { deviceId: string };
    await kiosk!.close();
    kiosk = await start();
    expect(await serviceState(kiosk)).toEqual({ inService: true, reason: null });
    expect((await devices()).map((d) => d.deviceId)).toEqual([before.deviceId]);
  });
});
