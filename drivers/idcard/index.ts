/**
 * Second-generation ID card reader (二代证 SAM module): codec, session,
 * reader with presence polling, decoding of all four card types, and a
 * simulator that speaks the same protocol. Everything runs over a
 * `BytePort`, so serial today and USB bulk later share the same code.
 */
export type { IdCardData, GenderCode } from './types';
export { openIdCardReader } from './reader';
export type { CardPresented, IdCardReader, IdCardReaderOptions, IdCardReadOptions, IdCardReaderEvents } from './reader';
export type { ReadCardResult } from './read-card';
export { IdCardSession } from './session';
export { IdCardError, isIdCardError } from './errors';
export { SW3_TABLE, SW3_FAILURE_CODES, sw3Info, sw3Hex } from './protocol/sw3';
export { COMMANDS } from './protocol/commands';
export { buildRequest, buildResponse, decodeFrame, asResponse, asRequest } from './protocol/frame';
export { FrameParser } from './protocol/frame-parser';
export { decodeTextBlock } from './decode/text-block';
export { NATIONS } from './decode/nations';
export { LONG_TERM } from './decode/dates';
export type { WltDecoder } from './wlt-decoder';
export { decodeWltPhoto } from './wlt-decoder';
export { IdCardSimulator } from './sim/simulator';
export type { IdCardSimulatorOptions } from './sim/simulator';
export { SimCardSchema } from './sim/card-format';
export type { SimCard } from './sim/card-format';
export { loadSimCard, SAMPLE_CARDS, EDGE_CASE_CARDS } from './sim/load-card';
export { SIM_FAULTS, parseFault } from './sim/faults';
export { encodeTextBlock } from './sim/encode-card';
