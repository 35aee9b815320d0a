import { connect, type Socket } from 'node:net';
import { cardAtr, encodeCardFiles } from './card-image';
import { SimCardOs } from './card-os';
import type { SimSsCard } from './card-format';
import type { SsSimFault } from './faults';

/** vpcd's default port for the first virtual reader ("Virtual PCD 00 00"). */
export const VPCD_DEFAULT_PORT = 35963;

/** Control messages of the vpcd protocol (one-byte payloads), from vsmartcard's vpcd.h. */
const CTRL = { off: 0x00, on: 0x01, reset: 0x02, atr: 0x04 } as const;

/** Options of {@link VpcdCard}. */
export interface VpcdCardOptions {
  /** Where vpcd listens; default 127.0.0.1:35963. */
  host?: string;
  port?: number;
  /** A fault to play (see sim/faults.ts); default none. */
  fault?: SsSimFault | null;
}

/**
 * A virtual social-security card for a real pcscd: a client of the
 * vsmartcard `vpcd` reader driver, which listens on TCP (35963 for its first
 * slot). The protocol is 2-byte big-endian length-prefixed messages; a
 * one-byte message is a control (00 power off, 01 power on, 02 reset, 04 ask
 * for the ATR, answered with the ATR), any other is a command APDU answered
 * with the response APDU. Connecting inserts the card, closing removes it.
 * Debian's own `vicc` is broken on Python 3, hence this small emulator.
 *
 * Run it in another process than the PC/SC client (`kioskctl sscard sim`):
 * the `smartcard` addon's disconnect is synchronous, and pcscd may need the
 * card to answer before it replies, which deadlocks a shared event loop.
 */
export class VpcdCard {
  private readonly os: SimCardOs;
  private readonly atr: Uint8Array;
  private socket: Socket | null = null;
  private buffer = Buffer.alloc(0);
  private removed: Promise<void> = Promise.resolve();
  /** Number of command APDUs answered since insertion. */
  commands = 0;
  /** True once the card left the reader by itself (the `remove-mid-read` fault). */
  leftByFault = false;

  constructor(
    card: SimSsCard,
    private readonly options: VpcdCardOptions = {},
  ) {
    this.os = new SimCardOs(card.ssse ? encodeCardFiles(card) : null, options.fault ?? null);
    this.atr = cardAtr(card);
  }

  /** Inserts the card: connects to vpcd. Resolves once connected; rejects when vpcd does not listen. */
  insert(): Promise<void> {
    if (this.socket) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.options.host ?? '127.0.0.1', port: this.options.port ?? VPCD_DEFAULT_PORT });
      socket.setNoDelay(true);
      socket.once('error', reject);
      this.removed = new Promise((done) => socket.once('close', () => done()));
      socket.once('connect', () => {
        socket.off('error', reject);
        socket.on('error', () => socket.destroy());
        this.socket = socket;
        this.buffer = Buffer.alloc(0);
        this.commands = 0;
        this.os.reset();
        socket.on('data', (chunk: Buffer) => this.receive(chunk));
        socket.once('close', () => {
          if (this.socket === socket) this.socket = null;
        });
        resolve();
      });
    });
  }

  /** Resolves when the connection of the current insertion closed (removal, fault, or vpcd went away). */
  get closed(): Promise<void> {
    return this.removed;
  }

  /** True while the card is in the reader (connected to vpcd). */
  get inserted(): boolean {
    return this.socket !== null;
  }

  /** Removes the card: closes the connection. Resolves once closed. Idempotent. */
  async remove(): Promise<void> {
    this.socket?.destroy();
    this.socket = null;
    await this.removed;
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    while (this.buffer.length >= 2) {
      const length = this.buffer.readUInt16BE(0);
      if (this.buffer.length < 2 + length) return;
      const message = Uint8Array.from(this.buffer.subarray(2, 2 + length));
      this.buffer = this.buffer.subarray(2 + length);
      this.handle(message);
    }
  }

  private handle(message: Uint8Array): void {
    if (message.length === 1) {
      const ctrl = message[0];
      if (ctrl === CTRL.atr) this.send(this.atr);
      else if (ctrl === CTRL.off || ctrl === CTRL.on || ctrl === CTRL.reset) this.os.reset();
      return;
    }
    this.commands++;
    const action = this.os.process(message);
    if ('leave' in action) {
      this.leftByFault = true;
      void this.remove();
    }
    else this.send(action.reply);
  }

  private send(payload: Uint8Array): void {
    const frame = Buffer.alloc(2 + payload.length);
    frame.writeUInt16BE(payload.length, 0);
    frame.set(payload, 2);
    this.socket?.write(frame);
  }
}
