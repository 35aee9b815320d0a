import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BytePort } from '../../base/byte-port';
import { type Off, TypedEmitter } from '../../base/typed-emitter';
import { EscPosTokenizer, type EscPosToken } from './escpos-tokenizer';
import type { ParsedReceipt } from './parsed-receipt';
import { renderReceiptPng } from './preview';
import { ReceiptBuilder } from './receipt-builder';
import { applyFault, asbBlock, healthy, isStopped, paperSensorReply, realtimeReply, type SimCondition } from './sim-faults';

/** Options of {@link ReceiptPrinterSimulator}. */
export interface SimulatorOptions {
  /** When set, a PNG preview of each cut receipt is written there as `receipt-0001.png`, ... (created if missing). */
  previewDir?: string;
  /** Printable width in dots for previews; default 576. */
  widthDots?: number;
  /** Initial fault (see `setFault`); default none. */
  fault?: string | null;
  /** False to behave like a printer without automatic status back (`GS a` ignored); default true. */
  supportsAsb?: boolean;
  /** False to behave like a printer that never answers `GS r 1` (paper sensor status); default true. */
  answersPaperStatus?: boolean;
}

/**
 * Printers as they are in the field, as simulator options: `full` answers
 * everything; `no-paper-status` never answers `GS r 1`; `no-asb` never
 * sends automatic status back; `realtime-only` answers only `DLE EOT`.
 */
export const SIM_PRINTER_PROFILES = {
  full: {},
  'no-paper-status': { answersPaperStatus: false },
  'no-asb': { supportsAsb: false },
  'realtime-only': { supportsAsb: false, answersPaperStatus: false },
} as const satisfies Record<string, Pick<SimulatorOptions, 'supportsAsb' | 'answersPaperStatus'>>;

/** A name of {@link SIM_PRINTER_PROFILES}. */
export type SimPrinterProfile = keyof typeof SIM_PRINTER_PROFILES;

/** Payload of the simulator's `printed` event. */
export interface PrintedEvent {
  /** 1-based count of receipts cut since start. */
  index: number;
  receipt: ParsedReceipt;
  /** Path of the PNG preview, or null without `previewDir`. */
  previewPath: string | null;
}

type SimEvents = { printed: PrintedEvent; condition: SimCondition };

/**
 * An ESC/POS receipt printer speaking the wire protocol over any
 * {@link BytePort}: prints (parses) what it receives, splitting receipts at
 * cuts; answers `DLE EOT n` at once, even while stopped; answers `GS r 1`
 * in order; pushes automatic status back on every change once `GS a n`
 * (n ≠ 0) enabled it. While stopped (paper out, cover open, offline,
 * cutter error) it holds received data unprinted, as a real printer does,
 * and prints it when the fault clears.
 */
export class ReceiptPrinterSimulator {
  /** Receipts cut so far, oldest first. */
  readonly printed: ParsedReceipt[] = [];
  private readonly events = new TypedEmitter<SimEvents>();
  private readonly tokenizer = new EscPosTokenizer();
  private readonly builder = new ReceiptBuilder();
  private readonly held: EscPosToken[] = [];
  private condition: SimCondition = healthy();
  private asbBits = 0;
  private paperOutAfter: number | null = null;
  private received = 0;
  private readonly offs: Off[];
  private previews: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly port: BytePort,
    private readonly options: SimulatorOptions = {},
  ) {
    if (options.previewDir) mkdirSync(options.previewDir, { recursive: true });
    if (options.fault) this.setFault(options.fault);
    this.offs = [port.onData((chunk) => this.onData(chunk))];
  }

  /** The current scripted condition. */
  get state(): Readonly<SimCondition> {
    return this.condition;
  }

  /** Bytes received since start. */
  get bytesReceived(): number {
    return this.received;
  }

  /** Commands held unprinted while stopped. */
  get heldCommands(): number {
    return this.held.length;
  }

  /**
   * Scripts a fault: `paper-out`, `paper-out-after:N` (paper runs out after N
   * more received bytes), `near-end`, `cover-open`, `cover-close`, `offline`,
   * `cutter-error`, `unresponsive`; `refill` or null clears every fault and
   * prints held data. Throws RangeError for an unknown name.
   */
  setFault(name: string | null): void {
    const next = applyFault(this.condition, name);
    if ('afterBytes' in next) {
      this.paperOutAfter = this.received + next.afterBytes;
      return;
    }
    if (name === null || name === 'refill') this.paperOutAfter = null;
    this.setCondition(next);
  }

  /** Subscribes to `printed` (a receipt was cut) or `condition` (a scripted change). */
  on<K extends keyof SimEvents>(event: K, listener: (payload: SimEvents[K]) => void): Off {
    return this.events.on(event, listener);
  }

  /** Resolves when every preview PNG started so far is written. */
  async flushPreviews(): Promise<void> {
    await this.previews;
  }

  /** Stops listening, waits for previews and closes the port. */
  async close(): Promise<void> {
    for (const off of this.offs) off();
    await this.previews;
    await this.port.close();
  }

  private onData(chunk: Uint8Array): void {
    if (this.condition.unresponsive) return;
    let data = chunk;
    if (this.paperOutAfter !== null && this.received + data.length >= this.paperOutAfter) {
      const before = this.paperOutAfter - this.received;
      this.received += before;
      this.process(data.subarray(0, before));
      this.paperOutAfter = null;
      this.setCondition({ ...this.condition, paper: 'out' });
      data = data.subarray(before);
    }
    this.received += data.length;
    this.process(data);
  }

  private process(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    for (const token of this.tokenizer.push(bytes)) {
      if (token.t === 'realtime-status') this.reply(Uint8Array.of(realtimeReply(this.condition, token.n)));
      else if (isStopped(this.condition) || this.held.length > 0) this.held.push(token);
      else this.execute(token);
    }
  }

  private execute(token: EscPosToken): void {
    switch (token.t) {
      case 'paper-status':
        if (this.options.answersPaperStatus === false) return;
        this.reply(Uint8Array.of(paperSensorReply(this.condition)));
        return;
      case 'asb':
        if (this.options.supportsAsb === false) return;
        this.asbBits = token.bits;
        this.builder.apply(token);
        if (this.asbBits !== 0) this.reply(asbBlock(this.condition));
        return;
      case 'cut':
        this.builder.apply(token);
        this.finishReceipt();
        return;
      default:
        this.builder.apply(token);
    }
  }

  private finishReceipt(): void {
    const receipt = this.builder.result();
    this.builder.startNext();
    this.printed.push(receipt);
    const index = this.printed.length;
    const dir = this.options.previewDir;
    const previewPath = dir ? join(dir, `receipt-${String(index).padStart(4, '0')}.png`) : null;
    if (previewPath) {
      this.previews = this.previews.then(() => renderReceiptPng(receipt, this.options.widthDots).then((png) => writeFileSync(previewPath, png))).catch(() => undefined);
    }
    this.events.emit('printed', { index, receipt, previewPath });
  }

  private setCondition(next: SimCondition): void {
    const changed = JSON.stringify(next) !== JSON.stringify(this.condition);
    this.condition = next;
    if (!changed) return;
    this.events.emit('condition', next);
    if (this.asbBits !== 0 && !next.unresponsive) this.reply(asbBlock(next));
    while (this.held.length > 0 && !isStopped(this.condition)) this.execute(this.held.shift()!);
  }

  private reply(bytes: Uint8Array): void {
    if (this.condition.unresponsive || !this.port.isOpen) return;
    this.port.write(bytes).catch(() => undefined);
  }
}
