import { SsCardError } from '../errors';

/** Success status word. */
export const SW_OK = 0x9000;
/** "File or application not found". */
export const SW_NOT_FOUND = 0x6a82;

/** A response APDU split into data and status word. */
export interface ResponseApdu {
  data: Uint8Array;
  sw: number;
}

/** Splits a response APDU; rejects `malformed-reply` when it has fewer than the 2 status bytes. */
export function splitResponse(bytes: Uint8Array, command: string): ResponseApdu {
  if (bytes.length < 2) throw new SsCardError('malformed-reply', `${command}: ${bytes.length}-byte reply without status word`);
  return { data: bytes.subarray(0, bytes.length - 2), sw: (bytes[bytes.length - 2]! << 8) | bytes[bytes.length - 1]! };
}

/**
 * The value of a record read by identifier: checks the reply is
 * `id len value` with the expected id and a length that fits. The value may
 * be shorter than the specification's length (the caller decides); trailing
 * bytes after the value are a malformed reply.
 */
export function recordValue(data: Uint8Array, recordId: number, command: string): Uint8Array {
  if (data.length < 2) throw new SsCardError('malformed-reply', `${command}: record shorter than its tag and length`);
  if (data[0] !== recordId) throw new SsCardError('malformed-reply', `${command}: record tag ${hex(data[0]!)} instead of ${hex(recordId)}`);
  const length = data[1]!;
  if (data.length !== length + 2) throw new SsCardError('malformed-reply', `${command}: record length ${length} but ${data.length - 2} bytes follow`);
  return data.subarray(2);
}

function hex(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0');
}
