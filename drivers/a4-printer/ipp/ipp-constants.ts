/** IPP delimiter tags (RFC 8010 §3.5.1). */
export const GroupTag = {
  operation: 0x01,
  job: 0x02,
  endOfAttributes: 0x03,
  printer: 0x04,
  unsupported: 0x05,
} as const;

/** IPP value tags used by this client (RFC 8010 §3.5.2). */
export const ValueTag = {
  unsupported: 0x10,
  unknown: 0x12,
  noValue: 0x13,
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  octetString: 0x30,
  dateTime: 0x31,
  resolution: 0x32,
  rangeOfInteger: 0x33,
  begCollection: 0x34,
  textWithLanguage: 0x35,
  nameWithLanguage: 0x36,
  endCollection: 0x37,
  textWithoutLanguage: 0x41,
  nameWithoutLanguage: 0x42,
  keyword: 0x44,
  uri: 0x45,
  uriScheme: 0x46,
  charset: 0x47,
  naturalLanguage: 0x48,
  mimeMediaType: 0x49,
  memberAttrName: 0x4a,
} as const;

/** IPP operation ids (RFC 8011 §5.4.15). */
export const Operation = {
  printJob: 0x0002,
  cancelJob: 0x0008,
  getJobAttributes: 0x0009,
  getPrinterAttributes: 0x000b,
} as const;

/** IPP status codes this client tells apart (RFC 8011 Appendix B). 0x0000–0x00FF are successes. */
export const StatusCode = {
  successfulOk: 0x0000,
  clientErrorNotFound: 0x0406,
  clientErrorNotPossible: 0x0404,
  serverErrorNotAcceptingJobs: 0x0506,
} as const;

/** `job-state` enum values (RFC 8011 §5.3.7) by keyword. */
export const JOB_STATES = {
  3: 'pending',
  4: 'pending-held',
  5: 'processing',
  6: 'processing-stopped',
  7: 'canceled',
  8: 'aborted',
  9: 'completed',
} as const;

/** `printer-state` enum values (RFC 8011 §5.4.11). */
export const PRINTER_STATES = { 3: 'idle', 4: 'processing', 5: 'stopped' } as const;
