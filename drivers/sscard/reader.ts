import type { DeviceStatus } from '../../common/contract/schemas';
import { TypedEmitter, type Off } from '../base/typed-emitter';
import { SsCardError } from './errors';
import type { PcscBinding } from './pcsc/binding';
import { pcscExchange, readSsCard } from './read-card';
import type { SsCardData } from './types';

/** Options of {@link openSsCardReader}. */
export interface SsCardReaderOptions {
  /** Configured device name, reported in every status (e.g. "sscard"). */
  name: string;
  /** True when PC/SC leads to the virtual card; reported in the status. */
  simulated: boolean;
  /** Use the first PC/SC reader whose name contains this text; default the first reader. */
  readerName?: string;
  /** Pause between presence checks in ms, while polling and while `read` waits; default 300. */
  pollIntervalMs?: number;
  /** Clock for the `expired` flag; default `() => new Date()`. */
  now?: () => Date;
}

/** Events of an {@link SsCardReader}. */
export interface SsCardReaderEvents extends Record<string, unknown> {
  status: DeviceStatus;
  /** A card came into the reader (polling only). No data is read by this event. */
  cardPresented: undefined;
  /** The card left the reader (polling only). */
  cardRemoved: undefined;
}

/**
 * A social-security card reader on PC/SC. Status follows the uniform device
 * model: `online` with a reader, `noDevice` without one, `offline` when
 * pcscd cannot be reached, `hardwareError` for PC/SC failures it cannot
 * explain.
 */
export interface SsCardReader {
  readonly status: DeviceStatus;
  on<K extends keyof SsCardReaderEvents>(event: K, listener: (payload: SsCardReaderEvents[K]) => void): Off;
  /**
   * Waits up to `waitMs` (default 0: one look) for a card, then reads its
   * public basic data. Rejects SsCardError `no-reader`, `service-unavailable`,
   * `no-card`, `card-removed`, `unknown-card`, `card-refused` or
   * `malformed-reply`. One read at a time; later calls queue.
   */
  read(options?: { waitMs?: number }): Promise<SsCardData>;
  /** Starts presence polling (`cardPresented` / `cardRemoved`). Idempotent. */
  startPolling(): void;
  /** Stops presence polling. Idempotent. */
  stopPolling(): void;
  /** Stops polling and releases the PC/SC context. Idempotent. */
  close(): Promise<void>;
}

const DEFAULT_POLL_MS = 300;

class PcscSsCardReader implements SsCardReader {
  private readonly events = new TypedEmitter<SsCardReaderEvents>();
  private current: DeviceStatus;
  private lock: Promise<unknown> = Promise.resolve();
  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private polling = false;
  private cardPresent = false;
  private closed = false;
  private readonly pollMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly binding: PcscBinding,
    private readonly options: SsCardReaderOptions,
  ) {
    this.pollMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
    this.now = options.now ?? (() => new Date());
    this.current = this.makeStatus('offline', 'not yet contacted');
    this.refresh();
  }

  get status(): DeviceStatus {
    return this.current;
  }

  on<K extends keyof SsCardReaderEvents>(event: K, listener: (payload: SsCardReaderEvents[K]) => void): Off {
    return this.events.on(event, listener);
  }

  read(options: { waitMs?: number } = {}): Promise<SsCardData> {
    const deadline = Date.now() + (options.waitMs ?? 0);
    return this.exclusive(async () => {
      try {
        const reader = await this.waitForCard(deadline);
        const card = await this.binding.connect(reader);
        try {
          const data = await readSsCard(pcscExchange(card, () => this.binding.cardPresent(reader)), this.now());
          this.setStatus('online', null);
          return data;
        } finally {
          card.disconnect();
        }
      } catch (e) {
        this.noteFailure(e);
        throw e instanceof SsCardError ? e : new SsCardError('malformed-reply', String(e), { cause: e });
      }
    });
  }

  startPolling(): void {
    if (this.polling || this.closed) return;
    this.polling = true;
    this.schedule(0);
  }

  stopPolling(): void {
    this.polling = false;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopPolling();
    await this.lock;
    this.binding.close();
    this.setStatus('noDevice', 'closed');
    this.events.clear();
  }

  /** The configured reader; rejects `no-reader` when PC/SC has none that matches. */
  private pickReader(): string {
    const wanted = this.options.readerName;
    const reader = this.binding.listReaders().find((r) => wanted === undefined || r.includes(wanted));
    if (reader === undefined) throw new SsCardError('no-reader', wanted === undefined ? 'PC/SC lists no reader' : `no PC/SC reader matches "${wanted}"`);
    return reader;
  }

  private async waitForCard(deadline: number): Promise<string> {
    for (;;) {
      if (this.closed) throw new SsCardError('no-reader', 'reader closed');
      const reader = this.pickReader();
      if (this.binding.cardPresent(reader)) return reader;
      const left = deadline - Date.now();
      if (left <= 0) throw new SsCardError('no-card', 'no card in the reader');
      await new Promise((r) => setTimeout(r, Math.min(this.pollMs, left)));
    }
  }

  /** Checks reader and service once and updates the status. Never throws. */
  private refresh(): boolean {
    try {
      const present = this.binding.cardPresent(this.pickReader());
      this.setStatus('online', null);
      return present;
    } catch (e) {
      this.noteFailure(e);
      return false;
    }
  }

  private schedule(delayMs: number): void {
    if (!this.polling || this.closed) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      void this.exclusive(async () => this.poll()).finally(() => this.schedule(this.pollMs));
    }, delayMs);
  }

  private poll(): void {
    if (!this.polling || this.closed) return;
    const present = this.refresh();
    if (present && !this.cardPresent) {
      this.cardPresent = true;
      this.events.emit('cardPresented', undefined);
    } else if (!present && this.cardPresent) {
      this.cardPresent = false;
      this.events.emit('cardRemoved', undefined);
    }
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.lock.then(fn, fn);
    this.lock = result.catch(() => undefined);
    return result;
  }

  private noteFailure(e: unknown): void {
    if (!(e instanceof SsCardError)) {
      this.setStatus('hardwareError', e instanceof Error ? e.message : String(e));
      return;
    }
    if (e.refusal === 'no-reader') this.setStatus('noDevice', e.message);
    else if (e.refusal === 'service-unavailable') this.setStatus('offline', e.message);
    else this.setStatus('online', null);
  }

  private setStatus(state: DeviceStatus['state'], error: string | null): void {
    if (this.closed && state !== 'noDevice') return;
    if (this.current.state === state && this.current.error === error) return;
    this.current = this.makeStatus(state, error);
    this.events.emit('status', this.current);
  }

  private makeStatus(state: DeviceStatus['state'], error: string | null): DeviceStatus {
    return { device: 'sscard', name: this.options.name, state, simulated: this.options.simulated, error: error === null ? null : error.slice(0, 200), updatedAt: new Date().toISOString() };
  }
}

/**
 * Opens a social-security card reader on a PC/SC binding (the real one from
 * `openSmartcardBinding()`). Looks at PC/SC at once, so the status is
 * `online`, `noDevice` or `offline` on return. Never throws.
 */
export function openSsCardReader(binding: PcscBinding, options: SsCardReaderOptions): SsCardReader {
  return new PcscSsCardReader(binding, options);
}
