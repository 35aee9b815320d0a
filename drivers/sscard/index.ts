/**
 * Social-security card (社会保障卡) reader over PC/SC: the APDU codec of the
 * SSSE basic data area, the decoder, the reader with the uniform device
 * status, the thin adapter over the `smartcard` N-API package, and a virtual
 * card that a real pcscd sees through the vsmartcard vpcd driver.
 */
export type { SsCardData } from './types';
export { openSsCardReader } from './reader';
export type { SsCardReader, SsCardReaderEvents, SsCardReaderOptions } from './reader';
export { SsCardError, isSsCardError, swHex, type SsCardRefusal } from './errors';
export { SSSE_AID, EF05, EF06, RECORDS, selectByAid, selectByFid, readRecordById, type RecordName, type RecordSpec } from './apdu/commands';
export { splitResponse, recordValue, SW_OK, SW_NOT_FOUND } from './apdu/response';
export { decodeRecords, type RecordValues } from './decode/fields';
export { readSsCard, pcscExchange, type Exchange } from './read-card';
export type { PcscBinding, PcscCard } from './pcsc/binding';
export { openSmartcardBinding, toSsCardError } from './pcsc/smartcard-binding';
export { VpcdCard, VPCD_DEFAULT_PORT, type VpcdCardOptions } from './sim/vpcd-card';
export { SimCardOs } from './sim/card-os';
export { encodeCardFiles, cardAtr, DEFAULT_ATR } from './sim/card-image';
export { SimSsCardSchema, type SimSsCard } from './sim/card-format';
export { loadSimSsCard, SS_SAMPLE_CARDS } from './sim/load-card';
export { SS_SIM_FAULTS, parseSsFault, type SsSimFault } from './sim/faults';
