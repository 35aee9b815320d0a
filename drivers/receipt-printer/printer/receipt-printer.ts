import type { DeviceStatus } from '../../../common/contract/schemas';
import type { BytePort } from '../../base/byte-port';
import { DeviceError } from '../../base/errors';
import { type Off, TypedEmitter } from '../../base/typed-emitter';
import { enableAsb, feedAndCut, PAPER_STATUS_IN_ORDER } from '../escpos/commands';
import { type EncodeOptions, encodeReceiptSegments, warmUpEncoder } from '../encoder/encode-receipt';
import { ReplyFramer, type PrinterReply } from '../parsers/reply-framer';
import { decodeAsb, decodeRealtimeStatus, type PrinterCondition } from '../parsers/status-bytes';
import type { ReceiptDocument } from '../receipt-document';
import { conditionError, disconnected, noResponse } from './print-errors';
import { chunkSegments } from './chunk-segments';

/** Options of {@link openReceiptPrinter}. */
export interface ReceiptPrinterOptions {
  /** Configured device name, e.g. `receipt-1` (appears in status events). */
  name: string;
  /** True when the port leads to the simulator. */
  simulated: boolean;
  /** Printable width in dots; default 576 (80 mm). */
  widthDots?: number;
  /** Largest write in bytes between status checks; default 512. */
  chunkBytes?: number;
  /** Wait for a status reply, ms; default 1000. */
  replyTimeoutMs?: number;
  /** Wait for the printer to finish processing a job after the last byte, ms; default 15000. */
  completionTimeoutMs?: number;
}

/** Options of {@link ReceiptPrinter.print}. */
export interface PrintOptions {
  /** Called with 0..1 as the job goes out; 1 only once the printer has processed the whole job. */
  onProgress?: (fraction: number) => void;
  /** Print personal lines unmasked (default false). */
  unmasked?: boolean;
}

/**
 * What is known once a job's bytes went out and the printer reported no
 * fault: `confirmed` is true when the printer answered `GS r 1` after the
 * whole job (it processed every byte), false when it never answers that
 * optional command and only real-time status (`DLE EOT`) said it is fine —
 * "printed, not confirmed". Never a reason to print the job again by itself.
 */
export interface PrintOutcome {
  confirmed: boolean;
}

/** Status reply of {@link ReceiptPrinter.queryStatus}: the `kioskctl printer status --json` shape. */
export type PrinterStatusReply = PrinterCondition;

/** An ESC/POS receipt printer session over one {@link BytePort}. */
export interface ReceiptPrinter {
  /** Latest uniform status (paper `unknown` until the printer first answers). */
  readonly status: DeviceStatus;
  /** Pushed on every status change (automatic status back, queries, job start/end, disconnect). */
  on(event: 'status', listener: (status: DeviceStatus) => void): Off;
  /**
   * Prints one receipt: checks status (`DLE EOT 1..4`), sends the job in
   * chunks with a status check after each, then waits for `GS r 1` to be
   * answered (the printer processed the whole job; resolves `confirmed`).
   * A printer that never answers `GS r 1` is asked real-time status
   * instead: no fault there resolves `confirmed: false` ("printed, not
   * confirmed"), and later jobs on this session skip the `GS r 1` wait
   * (the printer has shown it does not answer it). Rejects with a
   * DeviceError — PaperOut, CoverOpen, HardwareError, DeviceNotReady
   * (offline), DeviceTimeout, DeviceDisconnected — whose `classCode` is the
   * journal reason (`paper-out`, ...). Jobs are serialised. After a failed
   * job the next job starts with a cut, so whatever the printer still held
   * from the failed one comes out as a separate slip.
   */
  print(doc: ReceiptDocument, options?: PrintOptions): Promise<PrintOutcome>;
  /** Asks `DLE EOT 1..4` (real time). Rejects DeviceTimeout after `replyTimeoutMs`, DeviceDisconnected when closed. */
  queryStatus(): Promise<PrinterStatusReply>;
  /** Closes the port; pending calls reject with DeviceDisconnected. Idempotent. */
  close(): Promise<void>;
}

type Waiter = { resolve: (b: number) => void; reject: (e: Error) => void };

class EscPosReceiptPrinter implements ReceiptPrinter {
  private readonly events = new TypedEmitter<{ status: DeviceStatus; condition: PrinterCondition }>();
  private readonly framer = new ReplyFramer((r) => this.onReply(r));
  private readonly realtimeWaiters: Waiter[] = [];
  private readonly paperWaiters: Waiter[] = [];
  private readonly offs: Off[];
  private condition: PrinterCondition | null = null;
  private connected: boolean;
  private responding = true;
  private busy = false;
  private abortedLastJob = false;
  /** False once the printer let a `GS r 1` go unanswered while answering real-time status. */
  private answersPaperStatus = true;
  private queryChain: Promise<unknown> = Promise.resolve();
  private jobChain: Promise<unknown> = Promise.resolve();
  private current: DeviceStatus;

  constructor(
    private readonly port: BytePort,
    private readonly options: ReceiptPrinterOptions,
  ) {
    this.connected = port.isOpen;
    this.current = this.computeStatus();
    this.offs = [port.onData((c) => this.framer.push(c)), port.onClose(() => this.onPortClosed())];
    // Automatic status back on from the start, so paper-out at night is pushed without polling.
    if (port.isOpen) port.write(enableAsb()).catch(() => undefined);
    // Load fonts now rather than on the first receipt (keeps time-to-first-byte low).
    setTimeout(warmUpEncoder, 0).unref();
  }

  get status(): DeviceStatus {
    return this.current;
  }

  on(event: 'status', listener: (status: DeviceStatus) => void): Off {
    return this.events.on(event, listener);
  }

  queryStatus(): Promise<PrinterStatusReply> {
    const run = this.queryChain.then(() => this.queryOnce());
    this.queryChain = run.catch(() => undefined);
    return run;
  }

  print(doc: ReceiptDocument, options: PrintOptions = {}): Promise<PrintOutcome> {
    const run = this.jobChain.then(() => this.printOnce(doc, options));
    this.jobChain = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    for (const off of this.offs) off();
    this.failWaiters(disconnected());
    await this.port.close();
    this.connected = false;
    this.refresh();
  }

  private async queryOnce(): Promise<PrinterStatusReply> {
    if (!this.connected) throw disconnected();
    const ms = this.options.replyTimeoutMs ?? 1000;
    const replies = [0, 1, 2, 3].map(() => this.waitFor(this.realtimeWaiters, ms, 'DLE EOT'));
    await this.port.write(Uint8Array.of(0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4));
    let bytes: number[];
    try {
      bytes = await Promise.all(replies);
    } catch (e) {
      // A lost reply would shift every later one: forget what is outstanding.
      this.realtimeWaiters.splice(0).forEach((w) => w.reject(e as Error));
      if (this.connected) {
        this.responding = false;
        this.refresh();
      }
      throw e;
    }
    const condition = decodeRealtimeStatus(bytes as [number, number, number, number]);
    this.responding = true;
    this.setCondition(condition);
    return condition;
  }

  private async printOnce(doc: ReceiptDocument, options: PrintOptions): Promise<PrintOutcome> {
    if (!this.connected) throw disconnected();
    const before = this.queryStatus();
    before.catch(() => undefined);
    // Let the status request reach the port before encoding (rasterising can take tens of ms when cold).
    await new Promise<void>((resolve) => setImmediate(resolve));
    const encodeOptions: EncodeOptions = { widthDots: this.options.widthDots, unmasked: options.unmasked };
    const segments = encodeReceiptSegments(doc, encodeOptions);
    if (this.abortedLastJob) segments.unshift(feedAndCut(true, 0));
    const fault = conditionError(await before);
    if (fault) throw fault;

    let pushed: Error | null = null;
    let onPushed: (e: Error) => void = () => {};
    const pushedFault = new Promise<never>((_, reject) => {
      onPushed = reject;
    });
    pushedFault.catch(() => undefined);
    const offCondition = this.events.on('condition', (c) => {
      const e = conditionError(c);
      if (e && !pushed) {
        pushed = e;
        onPushed(e);
      }
    });
    this.busy = true;
    this.refresh();
    try {
      const chunks = chunkSegments(segments, this.options.chunkBytes ?? 512);
      const total = chunks.reduce((n, c) => n + c.length, 0);
      let sent = 0;
      options.onProgress?.(0);
      for (const chunk of chunks) {
        if (pushed) throw pushed;
        await this.port.write(chunk);
        sent += chunk.length;
        options.onProgress?.(Math.min(0.99, sent / total));
        const during = conditionError(await this.queryStatus());
        if (during) throw during;
      }
      const confirmed = await this.awaitCompletion(pushedFault);
      this.abortedLastJob = false;
      options.onProgress?.(1);
      return { confirmed };
    } catch (e) {
      this.abortedLastJob = true;
      throw e;
    } finally {
      offCondition();
      this.busy = false;
      this.refresh();
    }
  }

  /**
   * After the last byte: true when `GS r 1` was answered (the whole job was
   * processed), false when the printer does not answer it and real-time
   * status shows no fault. Throws the fault that stopped the job.
   */
  private async awaitCompletion(pushedFault: Promise<never>): Promise<boolean> {
    if (!this.answersPaperStatus) return this.faultFreeNow();
    const ms = this.options.completionTimeoutMs ?? 15000;
    const done = this.waitFor(this.paperWaiters, ms, 'GS r 1');
    await this.port.write(PAPER_STATUS_IN_ORDER);
    try {
      await Promise.race([done, pushedFault]);
      return true;
    } catch (e) {
      this.paperWaiters.splice(0).forEach((w) => w.reject(e as Error));
      if (!(e instanceof DeviceError && e.kind === 'DeviceTimeout')) throw e;
      // No answer to the optional GS r 1: a printer that stopped (paper out
      // without automatic status back) says why in real time; one that is
      // fine simply does not implement the command.
      const confirmedFine = await this.faultFreeNow();
      this.answersPaperStatus = false;
      return confirmedFine;
    }
  }

  /** Asks real-time status: resolves false (not confirmed, no fault) or throws the condition's error / DeviceTimeout. */
  private async faultFreeNow(): Promise<false> {
    const fault = conditionError(await this.queryStatus());
    if (fault) throw fault;
    return false;
  }

  private waitFor(queue: Waiter[], ms: number, what: string): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (b) => {
          clearTimeout(timer);
          resolve(b);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      const timer = setTimeout(() => {
        const i = queue.indexOf(waiter);
        if (i >= 0) queue.splice(i, 1);
        reject(noResponse(ms, what));
      }, ms);
      queue.push(waiter);
    });
  }

  private onReply(reply: PrinterReply): void {
    if (reply.kind === 'asb') {
      this.responding = true;
      this.setCondition(decodeAsb(reply.bytes));
    } else if (reply.kind === 'realtime') this.realtimeWaiters.shift()?.resolve(reply.byte);
    else if (reply.kind === 'paper-sensor') this.paperWaiters.shift()?.resolve(reply.byte);
  }

  private onPortClosed(): void {
    this.connected = false;
    this.failWaiters(disconnected());
    this.refresh();
  }

  private failWaiters(error: Error): void {
    for (const w of [...this.realtimeWaiters.splice(0), ...this.paperWaiters.splice(0)]) w.reject(error);
  }

  private setCondition(condition: PrinterCondition): void {
    this.condition = condition;
    this.events.emit('condition', condition);
    this.refresh();
  }

  private computeStatus(): DeviceStatus {
    const c = this.condition;
    const base = { device: 'receiptPrinter' as const, name: this.options.name, simulated: this.options.simulated, updatedAt: new Date().toISOString() };
    const paper = c?.paper ?? 'unknown';
    const coverOpen = c?.coverOpen ?? false;
    if (!this.connected) return { ...base, state: 'noDevice', paper, coverOpen, error: 'disconnected' };
    if (!this.responding) return { ...base, state: 'offline', paper, coverOpen, error: 'no response' };
    if (c?.error) return { ...base, state: 'hardwareError', paper, coverOpen, error: c.error };
    if (c && (c.paper === 'out' || c.coverOpen)) return { ...base, state: 'userError', paper, coverOpen, error: c.paper === 'out' ? 'paper out' : 'cover open' };
    if (c && !c.online) return { ...base, state: 'offline', paper, coverOpen, error: 'offline' };
    return { ...base, state: this.busy ? 'busy' : 'online', paper, coverOpen, error: null };
  }

  private refresh(): void {
    const next = this.computeStatus();
    const { updatedAt: _a, ...a } = next;
    const { updatedAt: _b, ...b } = this.current;
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    this.current = next;
    this.events.emit('status', next);
  }
}

/**
 * Opens a receipt printer session on an already open port (serial, TCP or
 * an in-process pipe to the simulator). Sends `GS a 0F` at once so the
 * printer pushes status changes; never switches automatic status back off.
 */
export function openReceiptPrinter(port: BytePort, options: ReceiptPrinterOptions): ReceiptPrinter {
  return new EscPosReceiptPrinter(port, options);
}
