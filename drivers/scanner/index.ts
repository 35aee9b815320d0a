/** Public surface of the scanner driver: what main/core imports. */
export { DEFAULT_MAX_PAYLOAD_LENGTH, type PayloadRejectionCode, type ScanEvent, type Scanner, type ScannerEvents, type ScannerOptions } from './interface';
export { openSerialScanner } from './serial-scanner';
export { openHidScanner, type HidScannerOptions } from './hid-scanner';
export type { HidReportSource } from './hid-report-source';
export { listHidPosScanners, openNodeHidSource, HID_POS_BARCODE_USAGE_PAGE, type HidDeviceSelector } from './node-hid-source';
export { DEFAULT_HID_POS_LAYOUT, parseHidPosReport, type HidPosLayout, type HidPosReport } from './parsers/hid-pos-report';
export { ScannerSimulator, type SimulatedScanOptions } from './sim/scanner-simulator';
