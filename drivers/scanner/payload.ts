import { DeviceError } from '../base/errors';
import type { PayloadRejectionCode } from './interface';

const MESSAGES: Record<PayloadRejectionCode, { en: string; zh: string }> = {
  empty: { en: 'empty scan payload', zh: '扫码内容为空' },
  'too-long': { en: 'scan payload too long', zh: '扫码内容过长' },
  'control-character': { en: 'scan payload contains a control character', zh: '扫码内容含有控制字符' },
  'invalid-utf8': { en: 'scan payload is not valid UTF-8', zh: '扫码内容编码无效' },
};

/** Builds the typed rejection (`InvalidData`, `classCode` = reason). Carries no part of the payload. */
export function payloadRejection(code: PayloadRejectionCode, detail?: string): DeviceError {
  const m = MESSAGES[code];
  return new DeviceError('InvalidData', detail ? `${m.en} (${detail})` : m.en, { classCode: code, messageZh: m.zh });
}

/**
 * True for C0 controls (U+0000–U+001F), DEL (U+007F) and C1 controls
 * (U+0080–U+009F): characters a scanner payload must never contain.
 */
export function isControlCode(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

/**
 * Validates a decoded payload. Returns the payload unchanged, or throws
 * {@link DeviceError} `InvalidData` when it is empty, longer than
 * `maxLength` characters (UTF-16 code units), or holds a control character.
 */
export function validatePayload(payload: string, maxLength: number): string {
  if (payload.length === 0) throw payloadRejection('empty');
  if (payload.length > maxLength) throw payloadRejection('too-long', `${payload.length} > ${maxLength} characters`);
  for (let i = 0; i < payload.length; i++) {
    if (isControlCode(payload.charCodeAt(i))) throw payloadRejection('control-character', `at index ${i}`);
  }
  return payload;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes payload bytes as UTF-8 and validates them ({@link validatePayload}).
 * Throws `InvalidData` (`invalid-utf8`) for malformed UTF-8.
 */
export function decodePayload(bytes: Uint8Array, maxLength: number): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw payloadRejection('invalid-utf8');
  }
  return validatePayload(text, maxLength);
}
