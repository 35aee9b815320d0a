import { DeviceError, type DeviceErrorKind } from '../base/errors';

/**
 * Why a social-security card read was refused; used as `DeviceError.classCode`.
 * - `no-reader`: PC/SC has no (matching) reader.
 * - `service-unavailable`: the PC/SC daemon (pcscd) cannot be reached.
 * - `no-card`: the reader has no card within the wait.
 * - `card-removed`: the card left the reader during the read.
 * - `unknown-card`: the card answers but has no SSSE application (not a 社会保障卡).
 * - `malformed-reply`: a reply does not have the layout of the specification.
 * - `card-refused`: the card answered a command with a failure status word (`sw` says which).
 */
export type SsCardRefusal = 'no-reader' | 'service-unavailable' | 'no-card' | 'card-removed' | 'unknown-card' | 'malformed-reply' | 'card-refused';

const KIND: Record<SsCardRefusal, DeviceErrorKind> = {
  'no-reader': 'DeviceDisconnected',
  'service-unavailable': 'DeviceNotReady',
  'no-card': 'NoMedia',
  'card-removed': 'NoMedia',
  'unknown-card': 'InvalidData',
  'malformed-reply': 'ProtocolError',
  'card-refused': 'InvalidData',
};

const ZH: Record<SsCardRefusal, string> = {
  'no-reader': '未找到社保卡读卡器',
  'service-unavailable': '智能卡服务（pcscd）未运行',
  'no-card': '未检测到社保卡',
  'card-removed': '读卡过程中社保卡被取走',
  'unknown-card': '不是社会保障卡（无 SSSE 应用）',
  'malformed-reply': '卡片应答格式错误',
  'card-refused': '卡片拒绝了指令',
};

/**
 * A refused social-security card read, typed like {@link IdCardError}:
 * `kind` is the uniform DeviceError kind, `classCode` the {@link SsCardRefusal},
 * `messageZh` the Chinese meaning for technicians' tools. Never carries card data.
 */
export class SsCardError extends DeviceError {
  /** Why the read was refused. */
  readonly refusal: SsCardRefusal;
  /** The card's status word (e.g. 0x6A82) when the card answered one, else null. */
  readonly sw: number | null;

  constructor(refusal: SsCardRefusal, detail: string, options: { sw?: number | null; cause?: unknown } = {}) {
    const sw = options.sw ?? null;
    const swText = sw === null ? '' : ` (SW ${swHex(sw)})`;
    super(KIND[refusal], `${refusal}: ${detail}${swText}`, { classCode: refusal, messageZh: `${ZH[refusal]}${swText}`, cause: options.cause });
    this.name = 'SsCardError';
    this.refusal = refusal;
    this.sw = sw;
  }
}

/** True when `e` is an {@link SsCardError}, optionally with the given refusal. */
export function isSsCardError(e: unknown, refusal?: SsCardRefusal): e is SsCardError {
  return e instanceof SsCardError && (refusal === undefined || e.refusal === refusal);
}

/** A status word as four upper-case hex digits ("6A82"). */
export function swHex(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0');
}
