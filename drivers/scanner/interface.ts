import type { DeviceStatus } from '../../common/contract/schemas';
import type { DeviceError } from '../base/errors';
import type { Off } from '../base/typed-emitter';

/** Default largest accepted payload, in characters (UTF-16 code units). */
export const DEFAULT_MAX_PAYLOAD_LENGTH = 2048;

/** One accepted scan. The payload is opaque and may be personal: never log it. */
export interface ScanEvent {
  /** The decoded text, without terminator; never empty, no control characters. */
  payload: string;
}

/** Events of a {@link Scanner}. */
export type ScannerEvents = {
  /** A payload passed validation. */
  scanned: ScanEvent;
  /** A payload failed validation (`InvalidData`, with `classCode` from {@link PayloadRejectionCode}). The payload itself is not carried. */
  rejected: DeviceError;
  /** The uniform device status changed. */
  status: DeviceStatus;
};

/** Why a payload was rejected; used as `DeviceError.classCode`. */
export type PayloadRejectionCode = 'empty' | 'too-long' | 'control-character' | 'invalid-utf8';

/**
 * A QR / barcode scanner, whatever the binding (virtual COM, HID-POS).
 * Scanners only push data; there is nothing to request.
 */
export interface Scanner {
  /** Subscribes to an event; returns an unsubscribe function. */
  on<K extends keyof ScannerEvents & string>(name: K, listener: (payload: ScannerEvents[K]) => void): Off;
  /** The current status (state `online` while the port is open, `offline` after it closed). */
  readonly status: DeviceStatus;
  /** Closes the underlying port and stops events. Idempotent; never rejects. */
  close(): Promise<void>;
}

/** Options shared by every scanner binding. */
export interface ScannerOptions {
  /** Configured device name reported in status, e.g. `scanner` (≤ 64 chars). */
  name: string;
  /** True when the port leads to a simulator rather than a device. */
  simulated: boolean;
  /** Largest accepted payload in characters; default {@link DEFAULT_MAX_PAYLOAD_LENGTH}. */
  maxLength?: number;
}
