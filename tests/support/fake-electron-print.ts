import { EventEmitter } from 'node:events';
import { electronModule, MockSession } from '../contract/fake-electron';

/**
 * The printing side of `electron`, faked for `vi.mock('electron', …)` on top
 * of tests/contract/fake-electron (app, default session): BrowserWindow with
 * a webContents that lists printers, prints with a scriptable callback, is
 * destroyed and emits `web-contents-created` like the real one; and
 * `session.fromPartition` sessions whose `protocol.handle` is what `loadURL`
 * fetches through, so a test sees exactly what the print window could load.
 * State lives in {@link printFake}; call {@link resetPrintFake} between tests.
 */

export interface FakePrinterInfo {
  name: string;
  displayName: string;
  description: string;
  options: Record<string, string>;
  status?: number;
}

export type PrintCallback = (success: boolean, failureReason: string) => void;

/** A partition's session: protocol handlers, permission handlers and `will-download` listeners. */
export class FakePartitionSession extends MockSession {
  readonly handlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  readonly protocol = {
    handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
      if (this.handlers.has(scheme)) throw new Error(`scheme ${scheme} is already handled`);
      this.handlers.set(scheme, handler);
    },
  };
  constructor(readonly partition: string) {
    super();
  }
}

/** A print window's webContents. */
export class FakePrintContents extends EventEmitter {
  static nextId = 1000;
  readonly id = FakePrintContents.nextId++;
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  /** What `print` was called with. */
  readonly printCalls: Array<{ options: unknown }> = [];
  constructor(readonly session: FakePartitionSession | null) {
    super();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  async getPrintersAsync(): Promise<FakePrinterInfo[]> {
    if (this.destroyed) throw new Error('Object has been destroyed');
    printFake.printerQueries += 1;
    return structuredClone(printFake.printers);
  }
  print(options: unknown, callback: PrintCallback): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.printCalls.push({ options });
    printFake.onPrint(this, options, callback);
  }
}

/** A BrowserWindow: records its options, loads through its session's `kiosk:` handler. */
export class FakePrintWindow extends EventEmitter {
  readonly webContents: FakePrintContents;
  destroyed = false;
  loadedUrl: string | null = null;
  /** Status and bytes of what `loadURL` fetched. */
  loaded: { status: number; type: string | null; bytes: Uint8Array } | null = null;
  constructor(readonly options: { webPreferences?: { session?: FakePartitionSession } } & Record<string, unknown>) {
    super();
    this.webContents = new FakePrintContents(options.webPreferences?.session ?? null);
    printFake.windows.push(this);
    electronModule.app.emit('web-contents-created', {}, this.webContents);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  async loadURL(url: string): Promise<void> {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.loadedUrl = url;
    const scheme = url.slice(0, url.indexOf(':'));
    const handler = this.webContents.session?.handlers.get(scheme);
    if (!handler) throw new Error(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`);
    const response = await handler({ url, method: 'GET' } as Request);
    this.loaded = { status: response.status, type: response.headers.get('content-type'), bytes: new Uint8Array(await response.arrayBuffer()) };
    if (response.status !== 200) throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}'`);
    await printFake.onLoad(this);
  }
  show(): void {}
}

/** Shared fake state. */
export const printFake = {
  printers: [] as FakePrinterInfo[],
  windows: [] as FakePrintWindow[],
  sessions: new Map<string, FakePartitionSession>(),
  printerQueries: 0,
  /** Answers `print`; default: success after a tick. */
  onPrint: ((_contents: FakePrintContents, _options: unknown, callback: PrintCallback) => void setTimeout(() => callback(true, ''), 1)) as (
    contents: FakePrintContents,
    options: unknown,
    callback: PrintCallback,
  ) => void,
  /** Runs after a successful load (e.g. to emit `will-download` or a renderer crash). */
  onLoad: (async () => undefined) as (win: FakePrintWindow) => Promise<void>,
};

export function resetPrintFake(): void {
  printFake.printers = [];
  printFake.windows = [];
  printFake.sessions = new Map();
  printFake.printerQueries = 0;
  printFake.onPrint = (_contents, _options, callback) => void setTimeout(() => callback(true, ''), 1);
  printFake.onLoad = async () => undefined;
}

/** The module object to return from `vi.mock('electron', …)`. */
export const electronPrintModule = {
  ...electronModule,
  BrowserWindow: FakePrintWindow,
  session: {
    defaultSession: electronModule.session.defaultSession,
    fromPartition(partition: string): FakePartitionSession {
      let s = printFake.sessions.get(partition);
      if (!s) {
        s = new FakePartitionSession(partition);
        printFake.sessions.set(partition, s);
      }
      return s;
    },
  },
};
