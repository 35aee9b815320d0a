import { EventEmitter } from 'node:events';

/**
 * An in-process stand-in for the parts of the `electron` module the shell
 * uses, for `vi.mock('electron', …)`: an ipcMain/ipcRenderer pair that
 * structured-clones payloads like real IPC, webContents with a main frame and
 * a URL, a contextBridge that copies values the way Electron's does (errors
 * lose everything but their message), a recording BrowserWindow, protocol,
 * session and a reversible safeStorage. State lives in {@link fake}; call
 * {@link resetFakeElectron} between tests.
 */

type InvokeHandler = (event: { sender: MockWebContents; senderFrame: MockFrame | null }, ...args: unknown[]) => unknown;

let nextId = 1;

/** A frame: URL, ids and parent are what the IPC sender check reads. */
export class MockFrame {
  readonly processId = 7;
  readonly routingId = nextId++;
  constructor(
    public url: string,
    readonly parent: MockFrame | null = null,
  ) {}
}

/** A webContents: events, `send` to the paired renderer, a main frame, window-open handler. */
export class MockWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame: MockFrame;
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  /** Messages `send` delivered, in order. */
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  /** Renderer-side listeners (the fake ipcRenderer of this contents). */
  readonly rendererListeners = new EventEmitter();

  constructor(url: string, readonly session: MockSession = new MockSession()) {
    super();
    this.mainFrame = new MockFrame(url);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, payload: unknown): void {
    const copy = structuredClone(payload);
    this.sent.push({ channel, payload: copy });
    this.rendererListeners.emit(channel, { sender: 'ipc-renderer-event' }, copy);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Last visual zoom limits set, `[min, max]`. */
  zoomLimits: [number, number] | null = null;
  async setVisualZoomLevelLimits(min: number, max: number): Promise<void> {
    this.zoomLimits = [min, max];
  }
  /** Number of `reload()` calls. */
  reloads = 0;
  reload(): void {
    this.reloads += 1;
  }
}

/** A session recording its handlers. */
export class MockSession extends EventEmitter {
  permissionRequestHandler: ((...args: never[]) => void) | null = null;
  permissionCheckHandler: ((...args: never[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: never[]) => boolean) | null = null;
  setPermissionRequestHandler(h: (...args: never[]) => void): void {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: (...args: never[]) => boolean): void {
    this.permissionCheckHandler = h;
  }
  setDevicePermissionHandler(h: (...args: never[]) => boolean): void {
    this.devicePermissionHandler = h;
  }
}

/** Shared fake state. */
export const fake = {
  handlers: new Map<string, InvokeHandler>(),
  /** The webContents (and frame) the fake ipcRenderer sends from. */
  rendererContents: new MockWebContents('kiosk://app/index.html'),
  /** The sender frame for the next invokes; default the contents' main frame. */
  rendererFrame: null as MockFrame | null | 'main',
  /** What contextBridge.exposeInMainWorld exposed, after bridge copying. */
  mainWorld: {} as Record<string, unknown>,
  windows: [] as Array<{ options: unknown; webContents: MockWebContents }>,
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  privilegedSchemes: [] as unknown[],
  safeStorageAvailable: true,
  safeStorageBackend: 'gnome_libsecret' as string,
  singleInstanceLock: true,
  quitCalls: 0,
  exitCodes: [] as number[],
  /** Number of `app.relaunch()` calls. */
  relaunches: 0,
  /** Called by BrowserWindow.loadURL, to observe what was set up before the first load. */
  onLoadUrl: null as ((url: string) => void) | null,
  /** What `app.getAppPath()` answers; null = the working directory. */
  appPath: null as string | null,
  /** What `app.isPackaged` answers. */
  isPackaged: false,
  /** Every `Menu.setApplicationMenu` argument, in order. */
  applicationMenus: [] as unknown[],
  /** `powerSaveBlocker.start` types, by id; removed on stop. */
  powerSaveBlockers: new Map<number, string>(),
};

/** Restores the default state (trusted renderer at kiosk://app/index.html, nothing registered). */
export function resetFakeElectron(): void {
  fake.handlers.clear();
  fake.rendererContents = new MockWebContents('kiosk://app/index.html');
  fake.rendererFrame = 'main';
  fake.mainWorld = {};
  fake.windows = [];
  fake.protocolHandlers.clear();
  fake.privilegedSchemes = [];
  fake.safeStorageAvailable = true;
  fake.safeStorageBackend = 'gnome_libsecret';
  fake.singleInstanceLock = true;
  fake.quitCalls = 0;
  fake.exitCodes = [];
  fake.relaunches = 0;
  fake.onLoadUrl = null;
  fake.appPath = null;
  fake.isPackaged = false;
  fake.applicationMenus = [];
  fake.powerSaveBlockers = new Map();
}

const ipcMain = {
  handle(channel: string, handler: InvokeHandler): void {
    if (fake.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    fake.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    fake.handlers.delete(channel);
  },
};

const ipcRenderer = {
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = fake.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const contents = fake.rendererContents;
    const senderFrame = fake.rendererFrame === 'main' ? contents.mainFrame : fake.rendererFrame;
    const result = await handler({ sender: contents, senderFrame }, ...args.map((a) => structuredClone(a)));
    return structuredClone(result);
  },
  on(channel: string, listener: (...args: unknown[]) => void) {
    fake.rendererContents.rendererListeners.on(channel, listener);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: (...args: unknown[]) => void) {
    fake.rendererContents.rendererListeners.removeListener(channel, listener);
    return ipcRenderer;
  },
};

/** Copies a value across the fake context bridge like Electron does. */
function bridgeCopy(value: unknown): unknown {
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => {
      let out: unknown;
      try {
        out = fn(...args.map(bridgeCopy));
      } catch (e) {
        throw bridgeError(e);
      }
      if (out instanceof Promise) return out.then(bridgeCopy, (e: unknown) => Promise.reject(bridgeError(e)));
      return bridgeCopy(out);
    };
  }
  if (value instanceof Error) return bridgeError(value);
  if (Array.isArray(value)) return value.map(bridgeCopy);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bridgeCopy(v)]));
  return value;
}

/** Errors cross as plain `Error(message)`; custom properties (like `code`) are lost. */
function bridgeError(e: unknown): unknown {
  if (e instanceof Error) return new Error(e.message);
  return bridgeCopy(e);
}

const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    fake.mainWorld[key] = bridgeCopy(api);
  },
};

class BrowserWindow extends EventEmitter {
  readonly webContents: MockWebContents;
  loadedUrl: string | null = null;
  constructor(readonly options: unknown) {
    super();
    this.webContents = new MockWebContents('about:blank');
    fake.windows.push({ options, webContents: this.webContents });
  }
  async loadURL(url: string): Promise<void> {
    fake.onLoadUrl?.(url);
    this.loadedUrl = url;
  }
  show(): void {}
  /** Calls of `setAlwaysOnTop(flag, level)`, in order. */
  alwaysOnTop: Array<[boolean, string | undefined]> = [];
  setAlwaysOnTop(flag: boolean, level?: string): void {
    this.alwaysOnTop.push([flag, level]);
  }
  skipTaskbar: boolean | null = null;
  setSkipTaskbar(skip: boolean): void {
    this.skipTaskbar = skip;
  }
  minimized = false;
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  focuses = 0;
  focus(): void {
    this.focuses += 1;
  }
  destroyed = false;
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    fake.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
    fake.protocolHandlers.set(scheme, handler);
  },
};

const safeStorage = {
  isEncryptionAvailable: () => fake.safeStorageAvailable,
  getSelectedStorageBackend: () => fake.safeStorageBackend,
  encryptString: (plain: string) => Buffer.from(`sealed:${Buffer.from(plain, 'utf8').toString('hex')}`, 'utf8'),
  decryptString: (sealed: Buffer) => {
    const text = sealed.toString('utf8');
    if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice(7), 'hex').toString('utf8');
  },
};

const app = Object.assign(new EventEmitter(), {
  getPath: () => '/tmp',
  getAppPath: () => fake.appPath ?? process.cwd(),
  requestSingleInstanceLock: () => fake.singleInstanceLock,
  whenReady: async () => undefined,
  quit: () => void (fake.quitCalls += 1),
  exit: (code: number) => void fake.exitCodes.push(code),
  relaunch: () => void (fake.relaunches += 1),
  isPackaged: false,
});
// Backed by `fake.isPackaged` (reset by resetFakeElectron); Object.assign would have copied a getter's value once.
Object.defineProperty(app, 'isPackaged', { get: () => fake.isPackaged, set: (v: boolean) => void (fake.isPackaged = v), enumerable: true });

const Menu = {
  setApplicationMenu(menu: unknown): void {
    fake.applicationMenus.push(menu);
  },
};

let nextBlockerId = 1;
const powerSaveBlocker = {
  start(type: string): number {
    const id = nextBlockerId++;
    fake.powerSaveBlockers.set(id, type);
    return id;
  },
  stop(id: number): void {
    fake.powerSaveBlockers.delete(id);
  },
  isStarted: (id: number) => fake.powerSaveBlockers.has(id),
};

/** The module object to return from `vi.mock('electron', …)`. */
export const electronModule = { ipcMain, ipcRenderer, contextBridge, BrowserWindow, protocol, safeStorage, app, Menu, powerSaveBlocker, session: { defaultSession: new MockSession() } };
