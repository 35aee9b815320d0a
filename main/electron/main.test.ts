import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { listMethods } from '../../common/contract/define';
import { ContractDispatcher } from '../../common/contract/dispatcher';
import { EventHub } from '../../common/contract/event-hub';
import { kioskContract, type KioskContract } from '../../common/contract/kiosk-contract';
import { electronModule, fake, MockSession, resetFakeElectron } from '../../tests/contract/fake-electron';
import { TestKioskImplementation } from '../../tests/contract/test-kiosk-implementation';

vi.mock('electron', async () => (await import('../../tests/contract/fake-electron')).electronModule);
/** The feeds main.ts pointed electron-updater's autoUpdater at. */
const feeds = vi.hoisted(() => [] as unknown[]);
vi.mock('electron-updater', () => ({ default: { autoUpdater: { on: () => undefined, checkForUpdates: async () => null, setFeedURL: (o: unknown) => feeds.push(o), isUpdateSupported: () => true } } }));
/** The configuration fields main.ts reads besides dataDir and platformUrl (the updates section at its defaults). */
const configRest = vi.hoisted(() => ({ timeZone: 'Asia/Shanghai', security: { keyStorage: 'auto', systemdCredsKey: 'tpm2', tpm2Device: null, acceptWeakKeyStorage: false }, updates: { channel: 'latest', feedUrl: null, maintenanceWindow: { start: '02:00', end: '05:00' } }, pinnedUpdates: { channel: 'stable', healthDeadlineMinutes: 10, installerSpool: '/tmp/kiosk-spool' } }));
vi.mock('../core/config', () => ({ loadConfig: vi.fn((o: { dataDir: string }) => ({ dataDir: o.dataDir, platformUrl: 'http://127.0.0.1:1', ...configRest })) }));
vi.mock('../core/create-kiosk-core', () => ({
  createKioskCore: vi.fn(async () => ({ dispatcher: new ContractDispatcher(kioskContract, new TestKioskImplementation()), events: new EventHub<KioskContract>(), close: async () => undefined })),
}));

afterEach(() => vi.resetModules());

/** What the stub development bundles recorded (on globalThis: they are loaded by Node's require, outside Vitest). */
type DevCall = { call: string; arg?: unknown };
const devCalls = (): DevCall[] => ((globalThis as { __kioskDevCalls?: DevCall[] }).__kioskDevCalls ??= []);
const stubRoots: string[] = [];
afterAll(() => {
  for (const r of stubRoots) rmSync(r, { recursive: true, force: true });
  // The fake's userData is /tmp: the shell's key choice wrote its (fake-sealed) key file there.
  rmSync('/tmp/data-key.safe', { force: true });
});

/**
 * An app root whose dist/electron/dev.cjs is a stub development bundle that
 * records its loading and calls. A fresh directory each time: Node caches
 * what it required by path.
 */
function appRootWithDevBundle(): string {
  const appRoot = mkdtempSync(join(tmpdir(), 'main-test-app-'));
  stubRoots.push(appRoot);
  mkdirSync(join(appRoot, 'dist', 'electron'), { recursive: true });
  writeFileSync(
    join(appRoot, 'dist', 'electron', 'dev.cjs'),
    `const calls = (globalThis.__kioskDevCalls ??= []);
calls.push({ call: 'loaded' });
exports.startEmbeddedPlatform = async (options) => { calls.push({ call: 'startEmbeddedPlatform', arg: options }); return { url: 'http://127.0.0.1:9', enrolmentCode: 'DEVCODE123', stop: async () => { calls.push({ call: 'platform.stop' }); } }; };
exports.startSimControls = async (core, log) => { calls.push({ call: 'startSimControls', arg: typeof core.dispatcher }); log('sim controls stub'); return null; };
`,
  );
  return appRoot;
}

/** Imports main.ts afresh and waits for its asynchronous start-up. */
async function runMain(): Promise<void> {
  await import('./main');
  for (let i = 0; i < 20 && fake.windows.length === 0 && fake.exitCodes.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 10));
}

describe('main.ts start-up', () => {
  it('registers the scheme, serves kiosk://, and has lockdown and IPC in place before the first load', async () => {
    resetFakeElectron();
    fake.appPath = appRootWithDevBundle();
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
    fake.appPath = appRootWithDevBundle();
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

  it('in development, loads the development bundle and starts the simulator controls; the configured platform is used', async () => {
    resetFakeElectron();
    fake.appPath = appRootWithDevBundle();
    devCalls().length = 0;
    await runMain();
    expect(devCalls()).toEqual([{ call: 'loaded' }, { call: 'startSimControls', arg: 'object' }]);
    expect(fake.windows).toHaveLength(1);
  });

  it('in development without a configured platform, the development bundle starts platform-sim and the core uses it', async () => {
    resetFakeElectron();
    fake.appPath = appRootWithDevBundle();
    devCalls().length = 0;
    const { loadConfig } = await import('../core/config');
    vi.mocked(loadConfig).mockReturnValueOnce({ dataDir: '/tmp/kiosk-data', platformUrl: null, ...configRest } as never);
    await runMain();
    // Signing on in development: the platform requires it and issues the code the core enrols with.
    expect(devCalls()[1]).toEqual({ call: 'startEmbeddedPlatform', arg: { dataDir: join('/tmp/kiosk-data', 'platform-sim'), requireSignedRequests: true, issueEnrolmentCode: 'dev-site' } });
    const { createKioskCore } = await import('../core/create-kiosk-core');
    expect(vi.mocked(createKioskCore).mock.calls.at(-1)?.[0]).toMatchObject({ platformUrl: 'http://127.0.0.1:9' });
    expect(vi.mocked(createKioskCore).mock.calls.at(-1)?.[1]).toMatchObject({ enrolmentCode: 'DEVCODE123' });
  });

  it('when packaged, never loads the development bundle (even when one is on disk)', async () => {
    resetFakeElectron();
    fake.isPackaged = true;
    fake.appPath = appRootWithDevBundle();
    devCalls().length = 0;
    await runMain();
    expect(devCalls()).toEqual([]);
    expect(fake.windows).toHaveLength(1);
    expect(fake.exitCodes).toEqual([]);
    // The updater reads the feed of the configured platform's stable channel.
    expect(feeds.at(-1)).toEqual({ provider: 'generic', url: 'http://127.0.0.1:1/updates/latest/', channel: 'latest' });
  });

  /**
   * Runs main.ts on a fresh fake Electron (app root with a built development
   * bundle) after `prepare` has set the fake up; returns what it printed.
   */
  async function runPrinting(prepare: () => void | Promise<void> = () => undefined): Promise<string[]> {
    resetFakeElectron();
    fake.appPath = appRootWithDevBundle();
    await prepare();
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
    try {
      await runMain();
    } finally {
      write.mockRestore();
    }
    return lines;
  }

  /** Runs main.ts packaged (or not) with extra environment variables and command-line arguments; returns what it printed. */
  async function runWith(isPackaged: boolean, env: Record<string, string>, args: string[] = []): Promise<string[]> {
    const savedArgv = process.argv;
    try {
      return await runPrinting(() => {
        fake.isPackaged = isPackaged;
        process.argv = [...savedArgv, ...args];
        for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
      });
    } finally {
      process.argv = savedArgv;
      vi.unstubAllEnvs();
    }
  }

  it.each([
    [{ KIOSK_WINDOWED: '1' }, [], 'KIOSK_WINDOWED'],
    [{ KIOSK_PLATFORM_URL: 'http://127.0.0.1:1' }, [], 'KIOSK_PLATFORM_URL'],
    [{ KIOSK_CONFIG: '/tmp/mine.json' }, [], 'KIOSK_CONFIG'],
    [{ KIOSK_DATA_DIR: '/tmp/mine' }, [], 'KIOSK_DATA_DIR'],
    [{}, ['--inspect'], '--inspect'],
    [{}, ['--inspect=9229'], '--inspect'],
    [{}, ['--remote-debugging-port=9222'], '--remote-debugging-port'],
  ])('packaged, refuses to start with %o %o: one line naming %s in Chinese and English, exit 2, no window', async (env, args, named) => {
    const lines = await runWith(true, env, args);
    expect(fake.exitCodes).toEqual([2]);
    expect(fake.windows).toHaveLength(0);
    expect(lines).toEqual([`[electron] 自助终端未启动：安装版不接受开发用设置 ${named}，请去掉后再启动 / kiosk not started: a packaged build refuses development overrides ${named}; remove them and start again\n`]);
  });

  /** Runs main.ts packaged as `<app> --kioskctl ARGS` while another instance (the kiosk) holds the lock; waits for its exit. */
  async function runKioskctlSwitch(args: string[]): Promise<string[]> {
    const savedArgv = process.argv;
    try {
      const lines = await runPrinting(() => {
        fake.isPackaged = true;
        fake.singleInstanceLock = false;
        process.argv = [...savedArgv, '--kioskctl', ...args];
      });
      // The key storage is chosen first (on Linux it asks systemd-creds for a TPM): wait for the exit.
      for (let i = 0; i < 500 && fake.exitCodes.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      return lines;
    } finally {
      process.argv = savedArgv;
    }
  }

  it('packaged, `--kioskctl --help` prints kioskctl\'s help and exits 0 while the kiosk holds the lock: no window, no quit', async () => {
    expect((await runKioskctlSwitch(['--help'])).join('')).toMatch(/^kioskctl — field technician tool/);
    expect(fake.exitCodes).toEqual([0]);
    expect(fake.windows).toHaveLength(0);
    expect(fake.quitCalls).toBe(0);
  });

  it('packaged, `--kioskctl` with a command but no technician credential is a usage error (exit 2), nothing opened', async () => {
    expect(await runKioskctlSwitch(['queue', 'status'])).toEqual([]);
    expect(fake.exitCodes).toEqual([2]);
    expect(fake.windows).toHaveLength(0);
  });

  it('in development, the same overrides are honoured (KIOSK_WINDOWED gives a window, no refusal)', async () => {
    await runWith(false, { KIOSK_WINDOWED: '1', KIOSK_DATA_DIR: '/tmp/kiosk-dev-data' }, ['--remote-debugging-port=9222']);
    expect(fake.exitCodes).toEqual([]);
    expect(fake.windows).toHaveLength(1);
  });

  it('packaged, reads the configuration only from the per-OS administrator path, with the https rule on', async () => {
    await runWith(true, {});
    const { loadConfig } = await import('../core/config');
    const { packagedConfigPath } = await import('./packaged-guard');
    const call = vi.mocked(loadConfig).mock.calls.at(-1);
    expect(call?.[1]).toEqual({ KIOSK_CONFIG: packagedConfigPath(process.platform, process.env) });
    expect(call?.[2]).toMatchObject({ packaged: true });
    expect(fake.windows).toHaveLength(1);
  });

  it.runIf(process.platform === 'linux')('packaged without a keyring (basic_text): the out-of-service screen, no core, the reason logged in zh+en', async () => {
    const { createKioskCore } = await import('../core/create-kiosk-core');
    const coresBefore = vi.mocked(createKioskCore).mock.calls.length;
    const lines = await runPrinting(() => {
      fake.isPackaged = true;
      fake.safeStorageBackend = 'basic_text';
    });
    expect(fake.exitCodes).toEqual([]);
    expect(fake.windows).toHaveLength(1);
    expect(vi.mocked(createKioskCore).mock.calls.length).toBe(coresBefore);
    expect(lines.join('')).toMatch(/\[electron\] key-storage-refused: 数据密钥保护不足（safeStorage 没有密钥环.* \/ data key protection is weak \(safeStorage has no keyring/);
    const contents = fake.windows[0]!.webContents;
    contents.mainFrame.url = 'kiosk://app/index.html'; // the fake's loadURL leaves the frame at about:blank
    const answer = await fake.handlers.get('system:serviceState')!({ sender: contents, senderFrame: contents.mainFrame }, {});
    expect(answer).toEqual({ ok: true, value: { inService: false, reason: 'key-storage-refused' } });
    expect(await fake.handlers.get('system:info')!({ sender: contents, senderFrame: contents.mainFrame }, {})).toMatchObject({ ok: false, error: { detail: { reason: 'core-unavailable' } } });
  });

  it('in development without a built development bundle, start-up fails with a clear line', async () => {
    const lines = await runPrinting(() => {
      fake.appPath = mkdtempSync(join(tmpdir(), 'main-test-nodev-'));
      stubRoots.push(fake.appPath);
    });
    expect(fake.exitCodes).toEqual([1]);
    expect(lines.join('')).toMatch(/development bundle .*dev\.cjs could not be loaded \(npm run build:electron\)/);
  });

  it('a start-up failure of the core is one line in Chinese and English with what to do, exit 1, no stack trace', async () => {
    const { createKioskCore } = await import('../core/create-kiosk-core');
    const { StartupError } = await import('../core/startup-failure');
    const lines = await runPrinting(() => {
      vi.mocked(createKioskCore).mockRejectedValueOnce(new StartupError('数据目录 /x 无法写入：请……', 'data directory /x is not writable: make it …'));
    });
    expect(fake.exitCodes).toEqual([1]);
    const failure = lines.filter((l) => l.includes('did not start'));
    expect(failure).toEqual(['[electron] 自助终端未能启动 / kiosk did not start: 数据目录 /x 无法写入：请…… / data directory /x is not writable: make it …\n']);
    expect(lines.join('')).not.toMatch(/\n\s+at /);
  });

  it('an invalid configuration stops the shell with one line per problem and exit 2', async () => {
    const { loadConfig } = await import('../core/config');
    const { ConfigError } = await import('../core/config-problems');
    const lines = await runPrinting(() => {
      vi.mocked(loadConfig).mockImplementationOnce(() => {
        throw new ConfigError([{ source: '/d/kiosk-config.json', line: 3, column: 5, field: 'idleTimeout', zh: '未知字段，已拒绝', en: 'unknown field, refused' }]);
      });
    });
    expect(fake.exitCodes).toEqual([2]);
    expect(lines).toContain('[electron]   /d/kiosk-config.json:3:5: idleTimeout: 未知字段，已拒绝 / unknown field, refused\n');
  });
});
