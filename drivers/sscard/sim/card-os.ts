import { EF06, SSSE_AID } from '../apdu/commands';
import type { CardFiles } from './card-image';
import type { SsSimFault } from './faults';

/** What the card does with one command: answer it, or leave the reader. */
export type CardAction = { reply: Uint8Array } | { leave: true };

const sw = (value: number): Uint8Array => Uint8Array.from([value >> 8, value & 0xff]);

/**
 * The card operating system of the simulated social-security card: the
 * minimum of ISO 7816-4 the SSSE basic data area needs. It knows the MF,
 * the SSSE application (selected by its AID) and its EF05/EF06 (selected
 * by file id); READ RECORD by identifier (P2 00) reads the current EF. Any
 * other AID (the bank application), VERIFY and everything else are refused
 * with the usual status words (6A82, 6D00), so a driver that strays fails.
 */
export class SimCardOs {
  private ssseSelected = false;
  private currentEf: number | null = null;

  /**
   * @param files the card's records, or null for a card without SSSE
   * @param fault a fault to play (see {@link SsSimFault}), or null
   */
  constructor(
    private readonly files: CardFiles | null,
    private readonly fault: SsSimFault | null = null,
  ) {}

  /** Forgets the selection, as a power cycle or reset does. */
  reset(): void {
    this.ssseSelected = false;
    this.currentEf = null;
  }

  /** Processes one command APDU. */
  process(apdu: Uint8Array): CardAction {
    if (apdu.length < 4) return { reply: sw(0x6700) };
    const [cla, ins, p1, p2] = [apdu[0]!, apdu[1]!, apdu[2]!, apdu[3]!];
    if (cla !== 0x00) return { reply: sw(0x6e00) };
    if (ins === 0xa4) return this.select(p1, p2, apdu.subarray(5, 5 + (apdu[4] ?? 0)));
    if (ins === 0xb2) return this.readRecord(p1, p2, apdu[4] ?? 0);
    return { reply: sw(0x6d00) };
  }

  private select(p1: number, p2: number, data: Uint8Array): CardAction {
    if (p2 !== 0x00) return { reply: sw(0x6a86) };
    if (p1 === 0x04) {
      if (this.fault === 'truncated-reply') return { reply: Uint8Array.of(0x90) };
      if (this.files === null || !equal(data, SSSE_AID)) return { reply: sw(0x6a82) };
      this.ssseSelected = true;
      this.currentEf = null;
      return { reply: sw(0x9000) };
    }
    if (p1 === 0x02 && data.length === 2 && this.ssseSelected && this.files) {
      const fid = (data[0]! << 8) | data[1]!;
      if (!this.files.has(fid)) return { reply: sw(0x6a82) };
      this.currentEf = fid;
      return { reply: sw(0x9000) };
    }
    return { reply: sw(0x6a82) };
  }

  private readRecord(id: number, p2: number, le: number): CardAction {
    if (p2 !== 0x00) return { reply: sw(0x6a86) };
    if (this.currentEf === null || !this.files) return { reply: sw(0x6986) };
    if (this.fault === 'pin-required') return { reply: sw(0x6982) };
    if (this.fault === 'remove-mid-read' && this.currentEf === EF06) return { leave: true };
    const record = this.files.get(this.currentEf)?.get(id);
    if (!record) return { reply: sw(0x6a83) };
    if (le !== record.length) return { reply: sw(0x6c00 | record.length) };
    const body = Uint8Array.from(record);
    if (this.fault === 'malformed-record' && this.currentEf === EF06 && id === 0x08) body[0] = 0x18;
    return { reply: Uint8Array.from([...body, 0x90, 0x00]) };
  }
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
