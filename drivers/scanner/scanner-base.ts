import type { DeviceStatus } from '../../common/contract/schemas';
import type { DeviceError } from '../base/errors';
import { isDeviceError } from '../base/errors';
import { TypedEmitter, type Off } from '../base/typed-emitter';
import { DEFAULT_MAX_PAYLOAD_LENGTH, type Scanner, type ScannerEvents, type ScannerOptions } from './interface';
import { decodePayload, payloadRejection } from './payload';

/**
 * What every binding shares: validation of payload bytes, the event emitter
 * and the uniform status. A binding feeds framed payload bytes to
 * {@link ScannerBase.deliver} and reports transport loss with {@link ScannerBase.markOffline}.
 */
export class ScannerBase implements Scanner {
  /** Largest accepted payload in characters. */
  readonly maxLength: number;
  private readonly events = new TypedEmitter<ScannerEvents>();
  private current: DeviceStatus;
  private closed = false;

  /**
   * @param options name, simulated flag, length limit (default 2048 characters)
   * @param closeTransport closes the underlying port; errors are swallowed by {@link close}
   */
  constructor(
    options: ScannerOptions,
    private readonly closeTransport: () => Promise<void>,
  ) {
    this.maxLength = options.maxLength ?? DEFAULT_MAX_PAYLOAD_LENGTH;
    if (!Number.isInteger(this.maxLength) || this.maxLength <= 0) throw new RangeError('maxLength must be a positive integer');
    this.current = {
      device: 'scanner',
      name: options.name,
      state: 'online',
      simulated: options.simulated,
      error: null,
      updatedAt: new Date().toISOString(),
    };
  }

  /** Subscribes to `scanned`, `rejected` or `status`. */
  on<K extends keyof ScannerEvents & string>(name: K, listener: (payload: ScannerEvents[K]) => void): Off {
    return this.events.on(name, listener);
  }

  /** The current uniform status. */
  get status(): DeviceStatus {
    return this.current;
  }

  /** Decodes and validates one framed payload; emits `scanned` or `rejected`. Never throws. */
  deliver(bytes: Uint8Array): void {
    if (this.closed) return;
    try {
      this.events.emit('scanned', { payload: decodePayload(bytes, this.maxLength) });
    } catch (e) {
      if (isDeviceError(e)) this.events.emit('rejected', e);
      else throw e;
    }
  }

  /** Emits `rejected` for a framing-level failure (e.g. an over-long line, counted in bytes). */
  rejectOverflow(bytes: number): void {
    if (this.closed) return;
    this.events.emit('rejected', payloadRejection('too-long', `${bytes} bytes without terminator`));
  }

  /** Emits a `rejected` event with a binding-specific error. */
  reject(error: DeviceError): void {
    if (!this.closed) this.events.emit('rejected', error);
  }

  /** Moves to `offline` with a short English reason and emits `status` (once). */
  markOffline(reason: string | null): void {
    if (this.current.state === 'offline') return;
    this.current = { ...this.current, state: 'offline', error: reason ?? 'closed', updatedAt: new Date().toISOString() };
    this.events.emit('status', this.current);
  }

  /** Closes the transport, reports `offline` and drops every listener. Idempotent; never rejects. */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.closeTransport();
    } catch {
      // The port is going away either way; nothing useful to report.
    }
    this.markOffline(null);
    this.closed = true;
    this.events.clear();
  }
}
