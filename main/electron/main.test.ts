import { afterEach, describe, expect, it, vi } from 'vitest';
import { listMethods } from '../../common/contract/define';
import { ContractDispatcher } from '../../common/contract/dispatcher';
import { EventHub } from '../../common/contract/event-hub';
import { kioskContract, type KioskContract } from '../../common/contract/kiosk-contract';
import { electronModule, fake, MockSession, resetFakeElectron } from '../../tests/contract/fake-electron';
import { TestKioskImplementation } from '../../tests/contract/test-kiosk-implementation';

vi.mock('electron', async () => (await import('../../tests/contract/fake-electron')).electronModule);
vi.mock('electron-updater', () => ({ default: { autoUpdater: { on: () => undefined, checkForUpdates: async () => null } } }));
vi.mock('../core/config', () => ({ loadConfig: vi.fn((o: { dataDir: string }) => ({ dataDir: o.dataDir, platformUrl: 'http://127.0.0.1:1' })) }));
vi.mock('../core/create-kiosk-core', () => ({
  createKioskCore: vi.fn(async () => ({ dispatcher: new ContractDispatcher(kioskContract, new TestKioskImplementation()), events: new EventHub<KioskContract>(), close: async () => undefined })),
}));

afterEach(() => vi.resetModules());

/** Imports main.ts afresh and waits for its asynchronous start-up. */
async function runMain(): Promise<void> {
  await import('./main');
  for (let i = 0; i < 20 && fake.windows.length === 0 && fake.exitCodes.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 10));
}

describe('main.ts start-up', () => {
  it('registers the scheme, serves kiosk://, and has lockdown and IPC in place before the first load', async () => {
    resetFakeElectron();
    const session = electronModule.session.defaultSession as MockSession;
    const atFirstLoad: Record<string, unknown> = {};
    fake.onLoadUrl = (url) => {
      atFirstLoad.url = url;
      atFirstLoad.handlers = fake.handlers.size;
      atFirstLoad.permissionHandler = session.permissionRequestHandler !== null;
      atFirstLoad.windowOpenHandler = fake.windows[0]?.webContents.windowOpenHandler !== null;
      atFirstLoad.protocol = fake.protocolHandlers.has('kiosk');
    };
    await runMain();
    expect(fake.privilegedSchemes).toHaveLength(1);
    expect(fake.windows).toHaveLength(1);
    expect(atFirstLoad).toEqual({ url: 'kiosk://app/index.html', handlers: listMethods(kioskContract).length, permissionHandler: true, windowOpenHandler: true, protocol: true });
    expect(fake.exitCodes).toEqual([]);
  });

  it.each([
    ['win32', 'os'],
    ['linux', 'cups'],
  ])('on %s the A4 printer defaults to mode %s, and the core is offered the Electron print host', async (platform, mode) => {
    resetFakeElectron();
    const real = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { ...real, value: platform });
    try {
      await runMain();
    } finally {
      Object.defineProperty(process, 'platform', real);
    }
    const { loadConfig } = await import('../core/config');
    const { createKioskCore } = await import('../core/create-kiosk-core');
    expect(vi.mocked(loadConfig).mock.calls.at(-1)?.[2]).toEqual({ a4PrinterMode: mode });
    const options = vi.mocked(createKioskCore).mock.calls.at(-1)?.[1];
    expect(options?.a4PrintHost).toBeInstanceOf((await import('./electron-a4-print-host')).ElectronA4PrintHost);
    expect(fake.windows).toHaveLength(1); // the host opens no window until it is used
  });

  it('quits at once when another instance holds the lock', async () => {
    resetFakeElectron();
    fake.singleInstanceLock = false;
    await runMain();
    expect(fake.quitCalls).toBe(1);
    expect(fake.windows).toHaveLength(0);
  });
});
