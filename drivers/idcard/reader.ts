import type { DeviceStatus } from '../../common/contract/schemas';
import type { BytePort } from '../base/byte-port';
import { DeviceError } from '../base/errors';
import { TypedEmitter, type Off } from '../base/typed-emitter';
import { IdCardError } from './errors';
import { SW3_NO_CARD } from './protocol/sw3';
import { readPresentCard, type ReadCardResult } from './read-card';
import { IdCardSession, type IdCardSessionOptions } from './session';
import type { IdCardData } from './types';

/** Options of {@link openIdCardReader}. */
export interface IdCardReaderOptions {
  /** Configured device name, reported in every status (e.g. "idcard"). */
  name: string;
  /** True when the port leads to the simulator; reported in the status. */
  simulated: boolean;
  /** Pause between presence polls in ms; default 300. Also the pause between finds while `read` waits. */
  pollIntervalMs?: number;
  /** Clock for the `expired` flag; default `() => new Date()`. */
  now?: () => Date;
  /** Per-command reply timeouts in ms (see `COMMANDS` for the defaults). */
  timeouts?: IdCardSessionOptions['timeouts'];
  /** Extra attempts after SW3 41/81 or a damaged reply; default 2. */
  retries?: number;
}

/** Options of one {@link IdCardReader.read}. */
export interface IdCardReadOptions {
  /** Use 30 10 (text + photo + fingerprint); default false. */
  fingerprint?: boolean;
  /** How long to wait for a card to be presented, in ms; default 0 (one find). */
  waitMs?: number;
  /** Also read the appended address (only {@link IdCardReader.readWithExtras} returns it). */
  appendedAddress?: boolean;
}

/** Events of an {@link IdCardReader}. */
/** Payload of `cardPresented`. */
export interface CardPresented {
  /** True when the card was already on the reader at the first presence poll (start-up, restart). */
  initial: boolean;
  /**
   * Called by a listener, during the event, to leave this card unread (a card
   * left on the reader must not open a session by itself); `rearm()` has it
   * presented and read again.
   */
  leaveUnread(): void;
}

export interface IdCardReaderEvents extends Record<string, unknown> {
  status: DeviceStatus;
  cardPresented: CardPresented;
  cardRead: IdCardData;
  cardRemoved: undefined;
  readFailed: DeviceError;
}

/**
 * A second-generation ID card reader (any of the four card types) on any
 * BytePort. Status is pushed as `status` events; with polling on, a card
 * placed on the reader yields `cardPresented` then `cardRead` or
 * `readFailed`, and lifting it yields `cardRemoved`.
 */
export interface IdCardReader {
  /** Current status (online / offline / hardwareError / noDevice). */
  readonly status: DeviceStatus;
  on<K extends keyof IdCardReaderEvents>(event: K, listener: (payload: IdCardReaderEvents[K]) => void): Off;
  /** Starts presence polling every `pollIntervalMs`. Idempotent. */
  startPolling(): void;
  /** Stops presence polling (a poll in progress completes). Idempotent. */
  stopPolling(): void;
  /** Forgets the card on the reader, so the next poll presents it again (`cardPresented`, then a read). */
  rearm(): void;
  /**
   * One-shot read: waits up to `waitMs` for a card, then reads it. Rejects
   * IdCardError 80 (`NoMedia`) when no card came, IdCardError for other SW3
   * failures (after retries for 41/81), `DeviceTimeout`, `DeviceDisconnected`,
   * `HardwareError` (SAM 60/66) or `InvalidData`. Emits no card events.
   */
  read(options?: IdCardReadOptions): Promise<IdCardData>;
  /** Like `read`, also returning the appended address when `appendedAddress` is set. */
  readWithExtras(options?: IdCardReadOptions): Promise<ReadCardResult>;
  /** The SAM id (16 raw bytes on known modules). */
  samId(): Promise<Uint8Array>;
  /** Resets the SAM module. */
  reset(): Promise<void>;
  /** Stops polling, detaches from the port and closes it. Idempotent. */
  close(): Promise<void>;
}

const DEFAULT_POLL_MS = 300;

class SerialIdCardReader implements IdCardReader {
  private readonly events = new TypedEmitter<IdCardReaderEvents>();
  private readonly session: IdCardSession;
  private current: DeviceStatus;
  private lock: Promise<unknown> = Promise.resolve();
  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private polling = false;
  private cardPresent = false;
  /** False until a presence poll has answered once (a card found then was there at start). */
  private polledOnce = false;
  private closed = false;
  private readonly pollMs: number;
  private readonly now: () => Date;

  constructor(private readonly port: BytePort, private readonly options: IdCardReaderOptions) {
    this.pollMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
    this.now = options.now ?? (() => new Date());
    this.session = new IdCardSession(port, { timeouts: options.timeouts });
    this.current = this.makeStatus('offline', 'not yet contacted');
    port.onClose((error) => {
      this.stopPolling();
      this.setStatus('noDevice', `port closed${error ? `: ${error.message}` : ''}`);
    });
    if (!port.isOpen) this.current = this.makeStatus('noDevice', 'port closed');
    else void this.exclusive(() => this.checkSam()).catch(() => undefined);
  }

  get status(): DeviceStatus {
    return this.current;
  }

  on<K extends keyof IdCardReaderEvents>(event: K, listener: (payload: IdCardReaderEvents[K]) => void): Off {
    return this.events.on(event, listener);
  }

  startPolling(): void {
    if (this.polling || this.closed) return;
    this.polling = true;
    this.schedule(0);
  }

  rearm(): void {
    this.cardPresent = false;
  }

  stopPolling(): void {
    this.polling = false;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  async read(options: IdCardReadOptions = {}): Promise<IdCardData> {
    return (await this.readWithExtras(options)).data;
  }

  readWithExtras(options: IdCardReadOptions = {}): Promise<ReadCardResult> {
    const deadline = Date.now() + (options.waitMs ?? 0);
    return this.exclusive(async () => {
      if (this.current.state !== 'online') await this.checkSam(true);
      for (;;) {
        if (this.closed) throw new DeviceError('Cancelled', 'reader closed', { messageZh: '读卡器已关闭' });
        if (await this.tracked(() => this.session.findCard())) break;
        const left = deadline - Date.now();
        if (left <= 0) throw new IdCardError(SW3_NO_CARD, 'findCard');
        await sleep(Math.min(this.pollMs, left));
      }
      return this.tracked(() => readPresentCard(this.session, { fingerprint: options.fingerprint ?? false, appendedAddress: options.appendedAddress ?? false, retries: this.options.retries, now: this.now }));
    });
  }

  samId(): Promise<Uint8Array> {
    return this.exclusive(() => this.tracked(() => this.session.samId()));
  }

  reset(): Promise<void> {
    return this.exclusive(() => this.tracked(() => this.session.reset()));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopPolling();
    this.session.dispose();
    await this.port.close();
    this.setStatus('noDevice', 'closed');
    this.events.clear();
  }

  /** Runs `fn` after every earlier exclusive job; one card conversation at a time. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.lock.then(fn, fn);
    this.lock = result.catch(() => undefined);
    return result;
  }

  /** Runs a device exchange and keeps the status in step with its outcome. */
  private async tracked<T>(fn: () => Promise<T>): Promise<T> {
    try {
      const value = await fn();
      if (this.current.state === 'offline') this.setStatus('online', null);
      return value;
    } catch (e) {
      this.noteFailure(e);
      throw e;
    }
  }

  private async checkSam(rethrow = false): Promise<void> {
    try {
      await this.session.samStatus();
      this.setStatus('online', null);
    } catch (e) {
      this.noteFailure(e);
      if (rethrow) throw e;
    }
  }

  private noteFailure(e: unknown): void {
    if (!(e instanceof DeviceError)) return;
    if (e.kind === 'DeviceDisconnected') this.setStatus('noDevice', e.message);
    else if (e.kind === 'DeviceTimeout') this.setStatus('offline', 'reader not responding');
    else if (e.kind === 'HardwareError') this.setStatus('hardwareError', e.message);
  }

  private schedule(delayMs: number): void {
    if (!this.polling || this.closed) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      void this.exclusive(() => this.poll()).finally(() => this.schedule(this.pollMs));
    }, delayMs);
  }

  private async poll(): Promise<void> {
    if (!this.polling || this.closed || !this.session.isOpen) return;
    if (this.current.state !== 'online') {
      await this.checkSam();
      return;
    }
    let found: boolean;
    try {
      found = await this.tracked(() => this.session.findCard());
    } catch {
      return; // Status already reflects the failure; the next poll tries again.
    }
    const initial = !this.polledOnce;
    this.polledOnce = true;
    if (found && !this.cardPresent) {
      this.cardPresent = true;
      let unread = false;
      this.events.emit('cardPresented', { initial, leaveUnread: () => (unread = true) });
      if (unread) return;
      try {
        const { data } = await this.tracked(() => readPresentCard(this.session, { fingerprint: false, retries: this.options.retries, now: this.now }));
        this.events.emit('cardRead', data);
      } catch (e) {
        const error = e instanceof DeviceError ? e : new DeviceError('ProtocolError', String(e));
        this.events.emit('readFailed', error);
      }
    } else if (!found && this.cardPresent) {
      this.cardPresent = false;
      this.events.emit('cardRemoved', undefined);
    }
  }

  private setStatus(state: DeviceStatus['state'], error: string | null): void {
    if (this.current.state === state && this.current.error === error) return;
    this.current = this.makeStatus(state, error);
    this.events.emit('status', this.current);
  }

  private makeStatus(state: DeviceStatus['state'], error: string | null): DeviceStatus {
    return { device: 'idcard', name: this.options.name, state, simulated: this.options.simulated, error: error === null ? null : error.slice(0, 200), updatedAt: new Date().toISOString() };
  }
}

/**
 * Opens an ID card reader on an already open BytePort (serial from
 * `openSerialBytePort`, the simulator's in-process pipe, or a future USB-bulk
 * port). Checks the SAM at once (status goes online, offline,
 * hardwareError or noDevice); polling starts only with `startPolling()`.
 * Never throws.
 */
export function openIdCardReader(port: BytePort, options: IdCardReaderOptions): IdCardReader {
  return new SerialIdCardReader(port, options);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
