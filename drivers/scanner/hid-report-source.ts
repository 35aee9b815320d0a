import type { Off } from '../base/typed-emitter';

/**
 * The transport of a HID-POS scanner: a stream of whole input reports. Kept
 * behind this interface so the report parser is tested with byte vectors and
 * a fake source, without a device. {@link openNodeHidSource} is the real one.
 */
export interface HidReportSource {
  /** Subscribes to input reports, one call per report (report id at byte 0). */
  onReport(listener: (report: Uint8Array) => void): Off;
  /** Called once when the device goes away (`error` set) or is closed (`error` null). */
  onClose(listener: (error: Error | null) => void): Off;
  /** Closes the device. Idempotent. */
  close(): Promise<void>;
}
