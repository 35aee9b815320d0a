import type { BytePort } from '../../base/byte-port';

/** Options for one simulated scan. */
export interface SimulatedScanOptions {
  /** Line terminator written after the payload; default `'\r'` (CR). */
  terminator?: '\r' | '\r\n';
  /** Splits the bytes into writes of this many bytes; default: one write. */
  chunkSize?: number;
  /** Pause between chunk writes, in ms; default 0 (no pause). */
  chunkDelayMs?: number;
}

/**
 * Plays a scanner in virtual-COM mode on the other end of a {@link BytePort}:
 * writes each payload as UTF-8 followed by CR or CRLF, optionally split and
 * slowed down, the way a real scanner's USB-serial bridge delivers it.
 * It does not validate the payload (so tests can send bad ones).
 */
export class ScannerSimulator {
  constructor(private readonly port: BytePort) {}

  /**
   * "Scans" `payload`. Resolves when every byte was handed to the port;
   * rejects with `DeviceDisconnected` when the port is closed.
   * Throws RangeError for a chunk size that is not a positive integer.
   */
  async scan(payload: string, options: SimulatedScanOptions = {}): Promise<void> {
    const bytes = new TextEncoder().encode(payload + (options.terminator ?? '\r'));
    const chunkSize = options.chunkSize ?? bytes.length;
    if (!Number.isInteger(chunkSize) || chunkSize <= 0) throw new RangeError('chunkSize must be a positive integer');
    for (let offset = 0; offset < bytes.length; offset += chunkSize) {
      if (offset > 0 && options.chunkDelayMs) await new Promise((r) => setTimeout(r, options.chunkDelayMs));
      await this.port.write(bytes.subarray(offset, offset + chunkSize));
    }
  }

  /** Closes the simulator's end of the port. Idempotent. */
  close(): Promise<void> {
    return this.port.close();
  }
}
