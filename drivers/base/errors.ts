/**
 * Typed device errors shared by every driver (after serialport's shape and
 * XFS4IoT completion codes). `classCode` carries device-specific detail
 * (e.g. the ID-card SW3 byte as two hex digits).
 */
export type DeviceErrorKind =
  | 'DeviceDisconnected'
  | 'DeviceTimeout'
  | 'DeviceNotReady'
  | 'PortOpenFailed'
  | 'ProtocolError'
  | 'HardwareError'
  | 'PaperOut'
  | 'CoverOpen'
  | 'NoMedia'
  | 'InvalidData'
  | 'Cancelled';

/** Base class for all driver errors. `messageZh` is the Chinese meaning for technicians' tools. */
export class DeviceError extends Error {
  readonly kind: DeviceErrorKind;
  readonly classCode: string | null;
  readonly messageZh: string;

  constructor(kind: DeviceErrorKind, message: string, options: { classCode?: string | null; messageZh?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = kind;
    this.kind = kind;
    this.classCode = options.classCode ?? null;
    this.messageZh = options.messageZh ?? message;
  }
}

/** True when `e` is a {@link DeviceError} of the given kind. */
export function isDeviceError(e: unknown, kind?: DeviceErrorKind): e is DeviceError {
  return e instanceof DeviceError && (kind === undefined || e.kind === kind);
}
