import iconv from 'iconv-lite';
import { EF05, EF06, RECORDS, type RecordName } from '../apdu/commands';
import type { SimSsCard } from './card-format';

/** Default ATR of the simulated card: T=0 (no interface bytes), historical bytes "SSCARD". */
export const DEFAULT_ATR = '3B06535343415244';

/** The files of the SSSE basic data area: file id → (record id → TLV record bytes). */
export type CardFiles = Map<number, Map<number, Uint8Array>>;

/**
 * Encodes a simulated card into the records of EF05 and EF06, each stored as
 * `tag length value` with the value padded to the specified length (BCD with
 * FF, text with 00). Throws RangeError when a name does not fit in 30 GBK bytes.
 */
export function encodeCardFiles(card: SimSsCard): CardFiles {
  const values: Record<RecordName, Uint8Array> = {
    cardIdentifier: Buffer.from(card.cardIdentifier, 'hex'),
    issueDate: Buffer.from(card.issueDate, 'hex'),
    validTo: Buffer.from(card.validTo, 'hex'),
    cardNumber: Buffer.from(card.cardNumber, 'latin1'),
    idNumber: Buffer.from(card.idNumber, 'latin1'),
    name: iconv.encode(card.name, 'gbk'),
    gender: Buffer.from(card.gender, 'latin1'),
    nation: Buffer.from(card.nation, 'hex'),
    birthPlace: Buffer.from(card.birthPlace.padEnd(6, 'F'), 'hex'),
    birthDate: Buffer.from(card.birthDate, 'hex'),
  };
  const files: CardFiles = new Map([
    [EF05, new Map()],
    [EF06, new Map()],
  ]);
  for (const [name, spec] of Object.entries(RECORDS) as [RecordName, (typeof RECORDS)[RecordName]][]) {
    const value = values[name];
    if (value.length > spec.length) throw new RangeError(`${name} is longer than ${spec.length} bytes`);
    const padded = new Uint8Array(spec.length).fill(spec.encoding === 'bcd' ? 0xff : 0x00);
    padded.set(value);
    files.get(spec.file)!.set(spec.id, Uint8Array.from([spec.id, spec.length, ...padded]));
  }
  return files;
}

/** The ATR of a simulated card as bytes. */
export function cardAtr(card: SimSsCard): Uint8Array {
  return Buffer.from(card.atr ?? DEFAULT_ATR, 'hex');
}
