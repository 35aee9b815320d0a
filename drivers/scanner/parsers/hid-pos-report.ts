import { DeviceError } from '../../base/errors';

/**
 * Where the fields sit in a HID-POS "scanned data" input report. The default
 * ({@link DEFAULT_HID_POS_LAYOUT}) is the 64-byte layout of the HID POS
 * barcode-scanner usage page (0x8C) as implemented by common scanners:
 *
 * | byte  | field                                         |
 * | ----- | --------------------------------------------- |
 * | 0     | report id (0x02)                              |
 * | 1     | length of the data field in this report (≤56) |
 * | 2–4   | AIM symbology identifier (`]` + 2 chars)      |
 * | 5–60  | data, NUL padded                              |
 * | 61    | further symbology identifier                  |
 * | 62    | reserved                                      |
 * | 63    | bit 0: data continues in the next report      |
 *
 * Assumption: the report id is byte 0 of what the OS delivers (node-hid on
 * hidraw and Windows does this for devices that use report ids). Scanners
 * with another layout need only a different layout object.
 */
export interface HidPosLayout {
  /** Expected report id at byte 0; other reports are ignored. */
  reportId: number;
  /** Offset of the one-byte data length. */
  lengthOffset: number;
  /** Offset of the AIM symbology identifier. */
  symbologyOffset: number;
  /** Length of the AIM symbology identifier in bytes. */
  symbologyLength: number;
  /** Offset of the first data byte. */
  dataOffset: number;
  /** Largest data length one report can carry. */
  maxDataLength: number;
  /** Offset of the byte holding the continuation flag, or null when the device never splits. */
  continuationOffset: number | null;
  /** Bit mask of the continuation flag in that byte. */
  continuationMask: number;
}

/** The 64-byte HID-POS layout described on {@link HidPosLayout}. */
export const DEFAULT_HID_POS_LAYOUT: HidPosLayout = {
  reportId: 0x02,
  lengthOffset: 1,
  symbologyOffset: 2,
  symbologyLength: 3,
  dataOffset: 5,
  maxDataLength: 56,
  continuationOffset: 63,
  continuationMask: 0x01,
};

/** One decoded report. */
export interface HidPosReport {
  /** AIM symbology identifier as ASCII (e.g. `]Q1` for QR), NULs stripped. */
  symbology: string;
  /** The data bytes of this report (length from the length byte). */
  data: Uint8Array;
  /** True when the payload continues in the next report. */
  continued: boolean;
}

/**
 * Decodes one input report. Returns null for a report with another report id
 * (e.g. status reports) so callers can skip it. Throws {@link DeviceError}
 * `ProtocolError` when the report is too short for the layout or the length
 * byte exceeds what the report carries.
 */
export function parseHidPosReport(report: Uint8Array, layout: HidPosLayout = DEFAULT_HID_POS_LAYOUT): HidPosReport | null {
  if (report.length === 0 || report[0] !== layout.reportId) return null;
  const minimum = Math.max(layout.lengthOffset, layout.symbologyOffset + layout.symbologyLength - 1, layout.continuationOffset ?? 0) + 1;
  if (report.length < minimum) {
    throw new DeviceError('ProtocolError', `HID-POS report too short: ${report.length} < ${minimum} bytes`, { classCode: 'short-report', messageZh: '扫码枪报告长度不足' });
  }
  const length = report[layout.lengthOffset] ?? 0;
  if (length > layout.maxDataLength || layout.dataOffset + length > report.length) {
    throw new DeviceError('ProtocolError', `HID-POS length byte ${length} exceeds the report`, { classCode: 'bad-length', messageZh: '扫码枪报告长度字节无效' });
  }
  const symbologyBytes = report.subarray(layout.symbologyOffset, layout.symbologyOffset + layout.symbologyLength);
  const symbology = String.fromCharCode(...symbologyBytes.filter((b) => b !== 0));
  const continued = layout.continuationOffset === null ? false : ((report[layout.continuationOffset] ?? 0) & layout.continuationMask) !== 0;
  return { symbology, data: report.slice(layout.dataOffset, layout.dataOffset + length), continued };
}
