import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ContractDispatcher } from '../../common/contract/dispatcher';
import { EventHub } from '../../common/contract/event-hub';
import { kioskContract, type KioskContract } from '../../common/contract/kiosk-contract';
import { contentSecurityPolicy } from '../../common/security/content-security-policy';
import { createAppProtocolHandler } from '../../main/electron/app-protocol';
import { startWebHost, type WebHost } from '../../main/web/web-host';
import { TestKioskImplementation } from '../contract/test-kiosk-implementation';

vi.mock('electron', async () => (await import('../contract/fake-electron')).electronModule);

let dir: string;
let host: WebHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'one-csp-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  host = await startWebHost({ dispatcher: new ContractDispatcher(kioskContract, new TestKioskImplementation()), events: new EventHub<KioskContract>(), staticDir: dir });
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The CSP header each host sends with the renderer's index.html. */
async function sentPolicies(): Promise<{ electron: string | null; web: string | null }> {
  const electron = (await createAppProtocolHandler(dir)({ url: 'kiosk://app/index.html', method: 'GET' } as Request)).headers.get('content-security-policy');
  const web = (await fetch(host.url)).headers.get('content-security-policy');
  return { electron, web };
}

describe('one CSP for both hosts', () => {
  it('the Electron shell sends exactly the common policy', async () => {
    expect((await sentPolicies()).electron).toBe(contentSecurityPolicy());
  });

  it('the web host sends exactly the common policy with its own WebSocket origin as the one extra connect source', async () => {
    const socketOrigin = host.origin.replace(/^http/, 'ws');
    const { electron, web } = await sentPolicies();
    expect(web).toBe(contentSecurityPolicy({ connectSources: [socketOrigin] }));
    expect(web!.replace(` ${socketOrigin}`, '')).toBe(electron);
  });
});
