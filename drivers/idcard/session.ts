import type { BytePort } from '../base/byte-port';
import { DeviceError } from '../base/errors';
import type { Off } from '../base/typed-emitter';
import { splitReadReply, type ReadReplyParts } from './decode/read-reply';
import { decodeUcs2 } from './decode/ucs2';
import { IdCardError } from './errors';
import { COMMANDS, type CommandName } from './protocol/commands';
import { asResponse, buildRequest, type ResponseFrame } from './protocol/frame';
import { FrameParser } from './protocol/frame-parser';
import { SW3_CARD_FOUND, SW3_NO_CARD, SW3_NO_ITEM, SW3_SUCCESS } from './protocol/sw3';

/** Options of an {@link IdCardSession}. */
export interface IdCardSessionOptions {
  /** Per-command reply timeouts in ms, overriding the defaults of `COMMANDS`. */
  timeouts?: Partial<Record<CommandName, number>>;
}

interface Pending {
  resolve(frame: ResponseFrame): void;
  reject(error: Error): void;
}

/**
 * One request/reply conversation with a SAM module over any {@link BytePort}
 * (serial today, USB bulk later: the session never sees the transport).
 * Commands are queued and run one at a time. Every method rejects with a
 * DeviceError: `DeviceTimeout` when no complete reply arrives within the
 * command's timeout, `DeviceDisconnected` when the port closes,
 * `ProtocolError` for a reply with a bad checksum, and {@link IdCardError}
 * (classCode = SW3) for a failure status.
 */
export class IdCardSession {
  private readonly parser: FrameParser;
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly offs: Off[] = [];
  private closedError: DeviceError | null = null;
  private readonly timeouts: Partial<Record<CommandName, number>>;

  constructor(private readonly port: BytePort, options: IdCardSessionOptions = {}) {
    this.timeouts = options.timeouts ?? {};
    this.parser = new FrameParser({
      onFrame: (frame) => {
        const p = this.pending;
        if (!p) return; // Unsolicited or late frame: nothing is waiting for it.
        this.pending = null;
        try {
          p.resolve(asResponse(frame));
        } catch (e) {
          p.reject(e as Error);
        }
      },
      onError: ({ kind, error }) => {
        // A bad LEN may be a false preamble in noise: keep waiting. A bad CHK means the reply was damaged.
        if (kind !== 'checksum' || !this.pending) return;
        const p = this.pending;
        this.pending = null;
        p.reject(error);
      },
    });
    this.offs.push(port.onData((chunk) => this.parser.push(chunk)));
    this.offs.push(
      port.onClose((error) => {
        this.closedError = new DeviceError('DeviceDisconnected', `reader port closed${error ? `: ${error.message}` : ''}`, { messageZh: '读卡器已断开', cause: error ?? undefined });
        const p = this.pending;
        this.pending = null;
        p?.reject(this.closedError);
      }),
    );
    if (!port.isOpen) this.closedError = new DeviceError('DeviceDisconnected', 'reader port is closed', { messageZh: '读卡器已断开' });
  }

  /** True while the port is open. */
  get isOpen(): boolean {
    return this.closedError === null && this.port.isOpen;
  }

  /**
   * Raw passthrough: sends `CMD PARA data` and resolves with the reply
   * whatever its SW3. `timeoutMs` is the time for the complete reply.
   */
  transact(cmd: number, para: number, timeoutMs: number, data?: Uint8Array): Promise<ResponseFrame> {
    const run = () => this.exchange(buildRequest(cmd, para, data), timeoutMs, `${cmd.toString(16)} ${para.toString(16)}`);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Sends a named command with its configured timeout; resolves with the reply whatever its SW3. */
  send(name: CommandName): Promise<ResponseFrame> {
    const c = COMMANDS[name];
    return this.transact(c.cmd, c.para, this.timeouts[name] ?? c.timeoutMs);
  }

  /** SAM status (11 FF). Resolves when SW3 is 90; rejects IdCardError otherwise (60/66 → HardwareError). */
  async samStatus(): Promise<void> {
    await this.expect('samStatus', SW3_SUCCESS);
  }

  /** Resets the SAM (10 FF). Resolves when SW3 is 90. */
  async reset(): Promise<void> {
    await this.expect('resetSam', SW3_SUCCESS);
  }

  /** Reads the SAM id (12 FF): the raw bytes after SW3 (16 on known modules). */
  async samId(): Promise<Uint8Array> {
    return (await this.expect('samId', SW3_SUCCESS)).data.slice();
  }

  /** Find card (20 01): true for 9F, false for 80; other codes reject. */
  async findCard(): Promise<boolean> {
    const reply = await this.send('findCard');
    if (reply.sw3 === SW3_CARD_FOUND) return true;
    if (reply.sw3 === SW3_NO_CARD) return false;
    throw new IdCardError(reply.sw3, 'findCard');
  }

  /** Select card (20 02): resolves on 90, rejects IdCardError otherwise (81 is retryable). */
  async selectCard(): Promise<void> {
    await this.expect('selectCard', SW3_SUCCESS);
  }

  /**
   * Reads text + photo (30 01) or text + photo + fingerprint (30 10). When
   * the card has no fingerprint (SW3 91) it falls back to 30 01 and returns
   * `fingerprint: null`. Rejects `InvalidData` when the length fields do not
   * match the reply.
   */
  async readCard(options: { fingerprint?: boolean } = {}): Promise<ReadReplyParts> {
    if (options.fingerprint) {
      const reply = await this.send('readWithFingerprint');
      if (reply.sw3 === SW3_SUCCESS) return splitReadReply(reply.data, true);
      if (reply.sw3 !== SW3_NO_ITEM) throw new IdCardError(reply.sw3, 'readWithFingerprint');
    }
    const reply = await this.expect('readText', SW3_SUCCESS);
    return splitReadReply(reply.data, false);
  }

  /** Reads the appended address (30 03): the trimmed UCS-2LE text, or null for SW3 91 (none on the card). */
  async readAppendedAddress(): Promise<string | null> {
    const reply = await this.send('readAppendedAddress');
    if (reply.sw3 === SW3_NO_ITEM) return null;
    if (reply.sw3 !== SW3_SUCCESS) throw new IdCardError(reply.sw3, 'readAppendedAddress');
    return decodeUcs2(reply.data);
  }

  /** Stops listening to the port (does not close it). Idempotent. */
  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    const p = this.pending;
    this.pending = null;
    p?.reject(new DeviceError('Cancelled', 'session disposed', { messageZh: '操作已取消' }));
  }

  private async expect(name: CommandName, sw3: number): Promise<ResponseFrame> {
    const reply = await this.send(name);
    if (reply.sw3 !== sw3) throw new IdCardError(reply.sw3, name);
    return reply;
  }

  private exchange(request: Uint8Array, timeoutMs: number, label: string): Promise<ResponseFrame> {
    if (this.closedError) return Promise.reject(this.closedError);
    return new Promise<ResponseFrame>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.pending !== entry) return;
        this.pending = null;
        // Drop a half-received reply so its tail cannot pass for the next one.
        this.parser.reset();
        reject(new DeviceError('DeviceTimeout', `no reply to ${label} within ${timeoutMs} ms`, { messageZh: '读卡器无应答' }));
      }, timeoutMs);
      const entry: Pending = {
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.pending = entry;
      this.port.write(request).catch((e: unknown) => {
        if (this.pending !== entry) return;
        this.pending = null;
        entry.reject(e instanceof DeviceError ? e : new DeviceError('DeviceDisconnected', `write failed: ${(e as Error).message}`, { messageZh: '读卡器已断开', cause: e }));
      });
    });
  }
}
