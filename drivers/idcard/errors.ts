import { DeviceError } from '../base/errors';
import { sw3Hex, sw3Info } from './protocol/sw3';

/**
 * A reader reply whose SW3 byte is a failure. `classCode` is SW3 as two hex
 * digits (e.g. "41"); `message` is "SW3 41: reading the card failed" and
 * `messageZh` its Chinese meaning. `kind` is NoMedia for 80/91, HardwareError
 * for 60/66, InvalidData for card authentication and content errors, else
 * ProtocolError.
 */
export class IdCardError extends DeviceError {
  /** The raw status byte. */
  readonly sw3: number;
  /** True for 41 and 81: the driver retried (or may retry) the card sequence. */
  readonly retryable: boolean;
  /** English meaning without the "SW3 xx" prefix. */
  readonly meaning: string;

  constructor(sw3: number, command: string | null = null) {
    const info = sw3Info(sw3);
    const hex = sw3Hex(sw3);
    super(info.kind, `SW3 ${hex}: ${info.en}${command ? ` (${command})` : ''}`, { classCode: hex, messageZh: `SW3 ${hex}：${info.zh}` });
    this.name = 'IdCardError';
    this.sw3 = sw3;
    this.retryable = info.retryable;
    this.meaning = info.en;
  }
}

/** True when `e` is an {@link IdCardError}, optionally with the given SW3. */
export function isIdCardError(e: unknown, sw3?: number): e is IdCardError {
  return e instanceof IdCardError && (sw3 === undefined || e.sw3 === sw3);
}
