import type { DeviceErrorKind } from '../../base/errors';

/** What one SW3 status byte means and how the driver treats it. */
export interface Sw3Info {
  /** Simplified Chinese meaning (technicians' tools). */
  zh: string;
  /** English meaning. */
  en: string;
  /** DeviceError kind used when this code is a failure. */
  kind: DeviceErrorKind;
  /** True when the driver retries the card sequence (find → select → read). */
  retryable: boolean;
}

/** SW3 of a successful command. */
export const SW3_SUCCESS = 0x90;
/** SW3 "no such item" (no appended address / no fingerprint). */
export const SW3_NO_ITEM = 0x91;
/** SW3 of "find card: found". */
export const SW3_CARD_FOUND = 0x9f;
/** SW3 of "find card: no card". */
export const SW3_NO_CARD = 0x80;

/**
 * Every SW3 code of HARDWARE.md section 1. 41 and 81 are retried; 60 and 66
 * are hardware errors (the SAM module itself); 80 is "no card" (`NoMedia`).
 */
export const SW3_TABLE: Readonly<Record<number, Sw3Info>> = {
  0x90: { zh: '操作成功', en: 'success', kind: 'ProtocolError', retryable: false },
  0x91: { zh: '无此项内容（无追加住址或指纹）', en: 'no such item (no appended address / no fingerprint)', kind: 'NoMedia', retryable: false },
  0x9f: { zh: '寻找证/卡成功', en: 'find card: found', kind: 'ProtocolError', retryable: false },
  0x10: { zh: '接收业务终端数据的校验和错', en: 'host frame checksum error', kind: 'ProtocolError', retryable: false },
  0x11: { zh: '接收业务终端数据的长度错', en: 'host frame length error', kind: 'ProtocolError', retryable: false },
  0x21: { zh: '接收业务终端的命令错误', en: 'bad command', kind: 'ProtocolError', retryable: false },
  0x23: { zh: '越权操作', en: 'operation not permitted', kind: 'ProtocolError', retryable: false },
  0x24: { zh: '无法识别的错误', en: 'unidentified error', kind: 'ProtocolError', retryable: false },
  0x31: { zh: '证/卡认证机具失败', en: 'card failed to authenticate SAM', kind: 'InvalidData', retryable: false },
  0x32: { zh: '机具认证证/卡失败', en: 'SAM failed to authenticate card', kind: 'InvalidData', retryable: false },
  0x33: { zh: '信息验证失败', en: 'information check failed', kind: 'InvalidData', retryable: false },
  0x37: { zh: '指纹信息验证错误', en: 'fingerprint check failed', kind: 'InvalidData', retryable: false },
  0x3f: { zh: '信息长度错误', en: 'information length error', kind: 'InvalidData', retryable: false },
  0x40: { zh: '无法识别的证/卡类型', en: 'unknown card type', kind: 'InvalidData', retryable: false },
  0x41: { zh: '读证/卡操作失败', en: 'reading the card failed', kind: 'ProtocolError', retryable: true },
  0x47: { zh: '取随机数失败', en: 'random number failed', kind: 'ProtocolError', retryable: false },
  0x60: { zh: 'SAM 自检失败，不能接收命令', en: 'SAM self-test failed', kind: 'HardwareError', retryable: false },
  0x66: { zh: 'SAM 没经过授权，无法使用', en: 'SAM not authorised', kind: 'HardwareError', retryable: false },
  0x80: { zh: '寻找证/卡失败（无卡）', en: 'find card: no card', kind: 'NoMedia', retryable: false },
  0x81: { zh: '选取证/卡失败', en: 'select card failed', kind: 'ProtocolError', retryable: true },
};

/** Every SW3 code that is a failure (not 90 / 9F). */
export const SW3_FAILURE_CODES: readonly number[] = Object.keys(SW3_TABLE)
  .map(Number)
  .filter((c) => c !== SW3_SUCCESS && c !== SW3_CARD_FOUND);

/** Two upper-case hex digits, e.g. `0x41` → "41". */
export function sw3Hex(sw3: number): string {
  return sw3.toString(16).toUpperCase().padStart(2, '0');
}

/** The meaning of `sw3`; an unknown code maps to a non-retryable ProtocolError "unknown status". */
export function sw3Info(sw3: number): Sw3Info {
  return SW3_TABLE[sw3] ?? { zh: `未知状态码 ${sw3Hex(sw3)}`, en: `unknown status code ${sw3Hex(sw3)}`, kind: 'ProtocolError', retryable: false };
}
