import type { BytePort } from '../../base/byte-port';
import type { Off } from '../../base/typed-emitter';
import { joinReadReply } from '../decode/read-reply';
import { encodeUcs2Field } from '../decode/ucs2';
import { commandFor, type CommandName } from '../protocol/commands';
import { asRequest, buildResponse } from '../protocol/frame';
import { FrameParser } from '../protocol/frame-parser';
import { SW3_CARD_FOUND, SW3_NO_CARD, SW3_NO_ITEM, SW3_SUCCESS } from '../protocol/sw3';
import type { SimCard } from './card-format';
import { cardFingerprint, cardPhoto, encodeTextBlock } from './encode-card';
import { parseFault, type SimFault } from './faults';

/** Options of an {@link IdCardSimulator}. */
export interface IdCardSimulatorOptions {
  /** Card on the reader at start; default none. */
  card?: SimCard | null;
  /** Fault at start (see `SIM_FAULTS`); default none. Throws RangeError when unknown. */
  fault?: string | null;
  /** Extra delay of read replies under the `slow-card` fault, ms; default 1500 (below the driver's 3 s read timeout). */
  slowCardMs?: number;
  /**
   * When set, the simulator behaves like a real line at this baud rate
   * (10 bits per byte): it waits for each request's wire time before
   * answering and sends replies in 64-byte pieces paced to the rate. Default
   * null (as fast as the port takes bytes).
   */
  wireBaud?: number | null;
  /** The 16 bytes returned by "SAM id"; default a fixed sample. */
  samId?: Uint8Array;
  /** Seed of the noise and split-frame randomness; default 1. */
  seed?: number;
}

const SLOW_CARD_MS = 1500;
const DEFAULT_SAM_ID = Uint8Array.from([0x05, 0x00, 0x01, 0x00, 0x20, 0x26, 0x11, 0x21, 0x00, 0x00, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc]);
const CARD_COMMANDS: readonly CommandName[] = ['readText', 'readWithFingerprint', 'readAppendedAddress'];

/**
 * A SAM module with a card slot, speaking the reader protocol on any
 * BytePort (in-process pipe or a real serial port). Requests are answered
 * one at a time in arrival order. A request with a bad checksum is answered
 * SW3 10, an unknown command 21. Faults are scriptable at any time.
 */
export class IdCardSimulator {
  private card: SimCard | null;
  private found = false;
  private selected = false;
  private fault: SimFault | null = null;
  private readonly parser: FrameParser;
  private queue: Promise<void> = Promise.resolve();
  private readonly off: Off;
  private rng: number;
  private readonly options: IdCardSimulatorOptions;
  /** Requests answered so far (for tests and benches). */
  requests = 0;

  constructor(private readonly port: BytePort, options: IdCardSimulatorOptions = {}) {
    this.options = options;
    this.card = options.card ?? null;
    this.rng = options.seed ?? 1;
    this.setFault(options.fault ?? null);
    this.parser = new FrameParser({
      onFrame: (frame) => this.enqueue(frame.raw.length, () => this.answer(frame.body)),
      onError: ({ kind }) => this.enqueue(0, async () => this.reply(buildResponse(kind === 'checksum' ? 0x10 : 0x11))),
    });
    this.off = port.onData((chunk) => this.parser.push(chunk));
  }

  /** Puts a card on the reader (null = remove). */
  insertCard(card: SimCard | null): void {
    this.card = card;
    this.found = false;
    this.selected = false;
  }

  /** True while a card lies on the reader. */
  get hasCard(): boolean {
    return this.card !== null;
  }

  /** Lifts the card off the reader. */
  removeCard(): void {
    this.insertCard(null);
  }

  /** Sets the active fault by name, or clears it with null. Throws RangeError for an unknown name. */
  setFault(name: string | null): void {
    this.fault = name === null ? null : parseFault(name);
  }

  /** The active fault's name, or null. */
  get activeFault(): string | null {
    return this.fault?.name ?? null;
  }

  /** Stops answering and closes the port. Idempotent. */
  async close(): Promise<void> {
    this.off();
    await this.port.close();
  }

  private enqueue(requestBytes: number, job: () => Promise<void>): void {
    const baud = this.options.wireBaud;
    const run = async () => {
      if (baud) await sleep((requestBytes * 10 * 1000) / baud);
      await job();
    };
    this.queue = this.queue.then(run, run).catch(() => undefined);
  }

  private async answer(body: Uint8Array): Promise<void> {
    const req = asRequest({ body, raw: body });
    const name = commandFor(req.cmd, req.para);
    this.requests++;
    const fault = this.fault;
    if (fault?.kind === 'mute') return this.consume();
    if (fault?.kind === 'sw3' && this.sw3Applies(fault.sw3!, name)) {
      this.consume();
      if (fault.sw3 === 0x41 || fault.sw3 === SW3_NO_CARD) this.selected = false;
      return this.reply(buildResponse(fault.sw3!));
    }
    if (!name) return this.reply(buildResponse(0x21));
    switch (name) {
      case 'resetSam':
        this.found = this.selected = false;
        return this.reply(buildResponse(SW3_SUCCESS));
      case 'samStatus':
        return this.reply(buildResponse(SW3_SUCCESS));
      case 'samId':
        return this.reply(buildResponse(SW3_SUCCESS, this.options.samId ?? DEFAULT_SAM_ID));
      case 'findCard':
        if (fault?.kind === 'no-card') this.consume();
        this.found = this.card !== null && fault?.kind !== 'no-card';
        this.selected = false;
        return this.reply(this.found ? buildResponse(SW3_CARD_FOUND, new Uint8Array(4)) : buildResponse(SW3_NO_CARD));
      case 'selectCard':
        this.selected = this.found && this.card !== null;
        return this.reply(this.selected ? buildResponse(SW3_SUCCESS, new Uint8Array(8)) : buildResponse(0x81));
      default:
        return this.answerCardRead(name);
    }
  }

  private async answerCardRead(name: CommandName): Promise<void> {
    const card = this.card;
    if (!card || !this.selected) return this.reply(buildResponse(0x41));
    const fault = this.fault;
    if (fault?.kind === 'removed-mid-read' && name !== 'readAppendedAddress') {
      this.consume();
      this.removeCard();
      return this.reply(buildResponse(0x41));
    }
    if (fault?.kind === 'slow-card') {
      this.consume();
      await sleep(this.options.slowCardMs ?? SLOW_CARD_MS);
    }
    if (name === 'readAppendedAddress') {
      return this.reply(card.appendedAddress ? buildResponse(SW3_SUCCESS, encodeUcs2Field(card.appendedAddress, 70)) : buildResponse(SW3_NO_ITEM));
    }
    const withFingerprint = name === 'readWithFingerprint';
    const fingerprint = cardFingerprint(card);
    if (withFingerprint && !fingerprint) return this.reply(buildResponse(SW3_NO_ITEM));
    const data = joinReadReply({ text: encodeTextBlock(card), photo: cardPhoto(card), fingerprint }, withFingerprint);
    const frame = buildResponse(SW3_SUCCESS, data);
    if (fault?.kind === 'disconnect') {
      this.consume();
      await this.port.write(frame.subarray(0, frame.length >> 1)).catch(() => undefined);
      await this.close();
      return;
    }
    return this.reply(frame);
  }

  /** Which commands an `sw3-XX` fault answers: 80 find, 81 select, 60/66 and host-frame codes everything, card codes the reads. */
  private sw3Applies(sw3: number, name: CommandName | null): boolean {
    if (sw3 === SW3_NO_CARD) return name === 'findCard';
    if (sw3 === 0x81) return name === 'selectCard';
    if ([0x60, 0x66, 0x10, 0x11, 0x21, 0x23, 0x24].includes(sw3)) return true;
    return name !== null && CARD_COMMANDS.includes(name) && (name !== 'readAppendedAddress' || sw3 === SW3_NO_ITEM);
  }

  private consume(): void {
    if (this.fault?.once) this.fault = null;
  }

  private async reply(frame: Uint8Array): Promise<void> {
    if (!this.port.isOpen) return;
    const fault = this.fault;
    let out = frame;
    if (fault?.kind === 'bad-checksum') {
      this.consume();
      out = frame.slice();
      out[out.length - 1]! ^= 0x5a;
    }
    if (fault?.kind === 'noise') {
      this.consume();
      const noise = new Uint8Array(1 + (this.random() % 16)).map(() => this.random() % 0xaa);
      out = concat(noise, out);
    }
    const pieces: Uint8Array[] = [];
    if (fault?.kind === 'split-frames') {
      this.consume();
      for (let at = 0; at < out.length; ) {
        const n = 1 + (this.random() % 64);
        pieces.push(out.subarray(at, at + n));
        at += n;
      }
    } else if (this.options.wireBaud) {
      for (let at = 0; at < out.length; at += 64) pieces.push(out.subarray(at, at + 64));
    } else {
      pieces.push(out);
    }
    await this.send(pieces, fault?.kind === 'split-frames');
  }

  private async send(pieces: Uint8Array[], gaps: boolean): Promise<void> {
    const baud = this.options.wireBaud;
    const start = performance.now();
    let sentBytes = 0;
    try {
      for (const piece of pieces) {
        sentBytes += piece.length;
        await this.port.write(piece);
        // Absolute schedule, so timer lateness does not accumulate.
        if (baud) await sleep(start + (sentBytes * 10 * 1000) / baud - performance.now());
        else if (gaps) await sleep(1);
      }
    } catch {
      // The port went away while answering; nothing is listening any more.
    }
  }

  private random(): number {
    let x = this.rng || 1;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.rng = x >>> 0;
    return this.rng;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}
