import type { DeviceError } from '../../base/errors';
import { DEFAULT_HID_POS_LAYOUT, parseHidPosReport, type HidPosLayout } from './hid-pos-report';

/** Result of feeding one report. */
export type AssembledScan =
  | { kind: 'none' }
  | { kind: 'payload'; bytes: Uint8Array; symbology: string }
  | { kind: 'overflow'; bytes: number }
  | { kind: 'error'; error: DeviceError };

/**
 * Joins HID-POS reports into whole payloads: reports with the continuation
 * flag set are buffered until one without it arrives. Payloads longer than
 * `maxBytes` are dropped and reported once as `overflow` (memory stays
 * bounded). A malformed report discards the partial payload and is reported
 * as `error`. Never throws.
 */
export class HidPosAssembler {
  private parts: Uint8Array[] = [];
  private size = 0;
  private overflowed = false;

  /**
   * @param maxBytes largest payload kept, in bytes
   * @param layout report layout; default {@link DEFAULT_HID_POS_LAYOUT}
   */
  constructor(
    private readonly maxBytes: number,
    private readonly layout: HidPosLayout = DEFAULT_HID_POS_LAYOUT,
  ) {}

  /** Feeds one input report as delivered by the OS. */
  push(report: Uint8Array): AssembledScan {
    let parsed;
    try {
      parsed = parseHidPosReport(report, this.layout);
    } catch (e) {
      this.reset();
      return { kind: 'error', error: e as DeviceError };
    }
    if (!parsed) return { kind: 'none' };
    this.size += parsed.data.length;
    if (this.size > this.maxBytes) this.overflowed = true;
    if (!this.overflowed) this.parts.push(parsed.data);
    if (parsed.continued) return { kind: 'none' };
    const result: AssembledScan = this.overflowed ? { kind: 'overflow', bytes: this.size } : { kind: 'payload', bytes: concat(this.parts, this.size), symbology: parsed.symbology };
    this.reset();
    return result;
  }

  /** Drops a partial payload. */
  reset(): void {
    this.parts = [];
    this.size = 0;
    this.overflowed = false;
  }
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
