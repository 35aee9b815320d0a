import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync as readFileSyncBytes, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseUpdateInfo } from 'electron-updater/out/providers/Provider';
import fc from 'fast-check';
import { DeviceError } from '../../drivers/base/errors';
import { decodeIppMessage } from '../../drivers/a4-printer/ipp/ipp-decode';
import { encodeIppMessage } from '../../drivers/a4-printer/ipp/ipp-encode';
import { attr } from '../../drivers/a4-printer/ipp/ipp-message';
import { splitReadReply, joinReadReply } from '../../drivers/idcard/decode/read-reply';
import { decodeTextBlock } from '../../drivers/idcard/decode/text-block';
import { asResponse, buildResponse, decodeFrame } from '../../drivers/idcard/protocol/frame';
import { FrameParser } from '../../drivers/idcard/protocol/frame-parser';
import { cardFingerprint, cardPhoto, encodeTextBlock } from '../../drivers/idcard/sim/encode-card';
import { EDGE_CASE_CARDS, loadSimCard, SAMPLE_CARDS } from '../../drivers/idcard/sim/load-card';
import { ReplyFramer } from '../../drivers/receipt-printer/parsers/reply-framer';
import { decodeAsb, decodeEot1, decodeEot2, decodeEot3, decodeEot4, decodePaperSensor } from '../../drivers/receipt-printer/parsers/status-bytes';
import { HidPosAssembler } from '../../drivers/scanner/parsers/hid-pos-assembler';
import { LineSplitter } from '../../drivers/scanner/parsers/line-splitter';
import { decodePayload } from '../../drivers/scanner/payload';
import { checkConfigText } from '../../main/core/config';
import { feedArtifact } from '../../main/electron/update/feed-artifact';
import { checkDownloadedUpdate, signUpdate } from '../../main/electron/update/update-signature';
import { createPlatformClient, type PlatformClient } from '../../uplink/index';
import { PlatformHttpError, PlatformProtocolError, PlatformUnreachableError } from '../../uplink/client/platform-errors';

/**
 * One parser that reads the outside world, as the fuzzer drives it: inputs
 * from `arbitrary` (random and mutated valid inputs), `run` feeds one
 * through the real parsing path, and every exception it throws must satisfy
 * `typed` (the parser's documented error); anything else is a bug.
 */
export interface FuzzTarget<T = unknown> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  run(input: T): void | Promise<void>;
  typed(error: unknown): boolean;
  /** The input as kept in the corpus (JSON-safe). */
  toCorpus(input: T): unknown;
  fromCorpus(value: unknown): T;
}

const NOW = new Date(2026, 0, 1);
const isDeviceError = (e: unknown) => e instanceof DeviceError;
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const unhex = (v: unknown) => Uint8Array.from(Buffer.from(String(v), 'hex'));

/** A valid input with up to 8 bytes overwritten, inserted or cut (what a noisy cable or a buggy device does). */
function mutated(valid: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom('set', 'insert', 'cut'), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) });
  return fc.tuple(fc.constantFrom(...valid), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([seed, edits]) => {
    let out = Array.from(seed);
    for (const e of edits) {
      const at = out.length === 0 ? 0 : e.at % out.length;
      if (e.kind === 'set') e.bytes.forEach((b, i) => at + i < out.length && (out[at + i] = b));
      else if (e.kind === 'insert') out.splice(at, 0, ...e.bytes);
      else out = out.slice(0, at).concat(out.slice(at + e.bytes.length));
    }
    return Uint8Array.from(out);
  });
}

/** Random bytes, or a mutated valid input, split into chunks the way a serial port delivers them. */
function bytesAndChunks(valid: readonly Uint8Array[], maxLength: number): fc.Arbitrary<{ bytes: Uint8Array; cuts: number[] }> {
  return fc.record({ bytes: fc.oneof(fc.uint8Array({ maxLength }), mutated(valid)), cuts: fc.array(fc.nat({ max: maxLength }), { maxLength: 6 }) });
}

function chunked(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  return out;
}

const chunkCorpus = {
  toCorpus: (x: { bytes: Uint8Array; cuts: number[] }) => ({ bytes: hex(x.bytes), cuts: x.cuts }),
  fromCorpus: (v: unknown) => {
    const o = v as { bytes: string; cuts: number[] };
    return { bytes: unhex(o.bytes), cuts: o.cuts };
  },
};

function idCardReplies(): Uint8Array[] {
  const out: Uint8Array[] = [buildResponse(0x80), buildResponse(0x9f, new Uint8Array(4)), buildResponse(0x90, new Uint8Array(8))];
  for (const path of [...Object.values(SAMPLE_CARDS), ...Object.values(EDGE_CASE_CARDS)]) {
    const card = loadSimCard(path);
    out.push(buildResponse(0x90, joinReadReply({ text: encodeTextBlock(card), photo: cardPhoto(card), fingerprint: cardFingerprint(card) }, true)));
  }
  return out;
}

/** Card read replies whose content is damaged but whose frame (length, checksum) is rebuilt, so the decoders behind the framing see them. */
function reframedReplies(): fc.Arbitrary<Uint8Array> {
  const payloads = idCardReplies()
    .map((f) => asResponse(decodeFrame(f)))
    .filter((f) => f.sw3 === 0x90 && f.data.length >= 260)
    .map((f) => f.data);
  return mutated(payloads).map((data) => buildResponse(0x90, data.subarray(0, 2390)));
}

/** ID-card reader frames (GB/T 20007-style AA AA AA 96 69 framing), the read reply's layout and the text block. */
const idCardFrames: FuzzTarget<{ bytes: Uint8Array; cuts: number[] }> = {
  name: 'idcard-frames',
  arbitrary: fc.record({ bytes: fc.oneof(fc.uint8Array({ maxLength: 2600 }), mutated(idCardReplies()), reframedReplies(), fc.constantFrom(...idCardReplies())), cuts: fc.array(fc.nat({ max: 2600 }), { maxLength: 6 }) }),
  run({ bytes, cuts }) {
    const parser = new FrameParser({ onFrame: () => undefined, onError: () => undefined });
    for (const c of chunked(bytes, cuts)) parser.push(c);
    const frame = asResponse(decodeFrame(bytes));
    if (frame.sw3 !== 0x90 || frame.data.length < 260) return;
    decodeTextBlock(splitReadReply(frame.data, frame.data.length > 1295).text, NOW);
  },
  typed: isDeviceError,
  ...chunkCorpus,
};

/** ESC/POS printer replies: the framer over any chunking, then every decoder of what it framed. */
const escposReplies: FuzzTarget<{ bytes: Uint8Array; cuts: number[] }> = {
  name: 'escpos-status',
  arbitrary: bytesAndChunks([Uint8Array.of(0x10, 0x00, 0x00, 0x00), Uint8Array.of(0x12, 0x16, 0x1e, 0x72), Uint8Array.of(0x03, 0x0c)], 64),
  run({ bytes, cuts }) {
    const framer = new ReplyFramer((reply) => {
      if (reply.kind === 'asb') decodeAsb(reply.bytes);
      else if (reply.kind === 'realtime') [decodeEot1, decodeEot2, decodeEot3, decodeEot4].forEach((d) => d(reply.byte));
      else if (reply.kind === 'paper-sensor') decodePaperSensor(reply.byte);
    });
    for (const c of chunked(bytes, cuts)) framer.push(c);
  },
  typed: isDeviceError,
  ...chunkCorpus,
};

/** HID-POS (usage page 0x8C) input reports from a USB scanner, assembled into payloads. */
const hidPosReports: FuzzTarget<Uint8Array[]> = {
  name: 'hid-pos-reports',
  arbitrary: fc.array(fc.oneof(fc.uint8Array({ maxLength: 70 }), mutated([Uint8Array.of(0x02, 0x05, 0x45, 0x49, 0x44, 0x3a, 0x31, ...new Array<number>(57).fill(0), 0x00)])), { minLength: 1, maxLength: 8 }),
  run(reports) {
    const assembler = new HidPosAssembler(4096);
    for (const r of reports) {
      const out = assembler.push(r);
      if (out.kind === 'error' && !(out.error instanceof DeviceError)) throw new Error(`assembler reported a non-device error: ${String(out.error)}`);
    }
  },
  typed: isDeviceError,
  toCorpus: (rs) => rs.map(hex),
  fromCorpus: (v) => (v as string[]).map(unhex),
};

/** Serial (virtual COM) scanner lines: the splitter over any chunking, then payload decoding and validation. */
const scannerLines: FuzzTarget<{ bytes: Uint8Array; cuts: number[] }> = {
  name: 'scanner-lines',
  arbitrary: bytesAndChunks([new TextEncoder().encode('EID:110101198504121230:李晓明\r'), new TextEncoder().encode('https://zwfw.example.gov.cn/x?y=1\r\n')], 1200),
  run({ bytes, cuts }) {
    const splitter = new LineSplitter(512);
    for (const c of chunked(bytes, cuts)) {
      for (const line of splitter.push(c)) {
        if (line.kind !== 'line') continue;
        try {
          decodePayload(line.bytes, 512);
        } catch (e) {
          if (!(e instanceof DeviceError)) throw e;
        }
      }
    }
  },
  typed: isDeviceError,
  ...chunkCorpus,
};

function ippSeeds(): Uint8Array[] {
  const printer = encodeIppMessage({
    version: [2, 0],
    code: 0,
    requestId: 7,
    groups: [
      { tag: 0x01, attributes: [attr('attributes-charset', 0x47, 'utf-8'), attr('attributes-natural-language', 0x48, 'zh-cn')] },
      { tag: 0x04, attributes: [attr('printer-state', 0x23, 3), attr('printer-state-reasons', 0x44, 'media-empty-error', 'none'), attr('printer-is-accepting-jobs', 0x22, true), attr('queued-job-count', 0x21, 2)] },
    ],
    data: new Uint8Array(0),
  });
  return [printer, printer.subarray(0, 20)];
}

/** IPP responses from CUPS (RFC 8010 encoding). */
const ippResponses: FuzzTarget<Uint8Array> = {
  name: 'ipp-responses',
  arbitrary: fc.oneof(fc.uint8Array({ maxLength: 400 }), mutated(ippSeeds())),
  run: (bytes) => void decodeIppMessage(bytes),
  typed: isDeviceError,
  toCorpus: hex,
  fromCorpus: unhex,
};

type PlatformCall = 'time' | 'catalogue' | 'sendBatch' | 'heartbeat' | 'resolveQrIdentity' | 'createPayment' | 'paymentStatus' | 'certificate';
type PlatformAnswer = { call: PlatformCall; status: number; contentType: string; body: string };

const ITEM = { id: '0190a1b2-0000-7000-8000-000000000001' };
const VALID_BODIES: Record<PlatformCall, unknown> = {
  time: { serverTime: '2026-12-07T08:00:00.000Z' },
  catalogue: { serverTime: '2026-12-07T08:00:00.000Z', version: 3, full: true, items: [], removed: ['X1'], lifeEvents: [{ id: 'birth', name: '出生一件事', itemCodes: ['A'] }] },
  sendBatch: { serverTime: '2026-12-07T08:00:00.000Z', results: [{ id: ITEM.id, status: 'accepted' }] },
  heartbeat: { serverTime: '2026-12-07T08:00:00.000Z', pinnedVersion: null, auditAck: 3 },
  resolveQrIdentity: { serverTime: '2026-12-07T08:00:00.000Z', name: '王芳', idNumber: null },
  createPayment: { serverTime: '2026-12-07T08:00:00.000Z', paymentId: 'p1', qrPayload: 'wxp://x', expiresAt: '2026-12-07T08:15:00.000Z' },
  paymentStatus: { serverTime: '2026-12-07T08:00:00.000Z', status: 'paid' },
  certificate: '%PDF-1.7\n%fuzz\n',
};

/** A valid answer with one field replaced by any JSON value, or nested into junk. */
function mutatedJson(call: PlatformCall): fc.Arbitrary<string> {
  const valid = VALID_BODIES[call];
  if (typeof valid === 'string') return fc.string().map((tail) => valid + tail);
  return fc.tuple(fc.jsonValue(), fc.nat()).map(([junk, i]) => {
    const copy = structuredClone(valid) as Record<string, unknown>;
    const keys = Object.keys(copy);
    copy[keys[i % keys.length]!] = junk;
    return JSON.stringify(copy);
  });
}

const platformAnswer: fc.Arbitrary<PlatformAnswer> = fc.constantFrom<PlatformCall>('time', 'catalogue', 'sendBatch', 'heartbeat', 'resolveQrIdentity', 'createPayment', 'paymentStatus', 'certificate').chain((call) =>
  fc.record({
    call: fc.constant(call),
    status: fc.constantFrom(200, 200, 200, 201, 204, 301, 400, 404, 409, 413, 422, 429, 500, 503),
    contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/pdf', 'text/html', ''),
    body: fc.oneof(mutatedJson(call), fc.json(), fc.string({ maxLength: 300 }), fc.constant(''), fc.constant(JSON.stringify(VALID_BODIES[call]))),
  }),
);

function clientAnswering(answer: PlatformAnswer): PlatformClient {
  return createPlatformClient({
    baseUrl: 'http://platform.invalid',
    deviceId: 'kiosk-fuzz',
    timeoutMs: 2000,
    fetch: async () => new Response(answer.status === 204 ? null : answer.body, { status: answer.status, headers: answer.contentType ? { 'Content-Type': answer.contentType } : {} }),
  });
}

/** Every platform answer the uplink accepts, through the real client (only the socket is replaced by the fuzzed answer). */
const platformResponses: FuzzTarget<PlatformAnswer> = {
  name: 'platform-responses',
  arbitrary: platformAnswer,
  async run(answer) {
    const client = clientAnswering(answer);
    const calls: Record<PlatformCall, () => Promise<unknown>> = {
      time: () => client.time(),
      catalogue: () => client.catalogue(2),
      sendBatch: () => client.sendBatch('transaction', [ITEM]),
      heartbeat: () =>
        client.heartbeat({ deviceId: 'kiosk-fuzz', version: '0', sentAt: NOW.toISOString(), queue: { pending: 0, needsAttention: 0, oldestPendingAgeSeconds: 0 }, devices: [], alerts: [], audit: { head: { id: 0, hash: '0'.repeat(64) }, proof: null } }),
      resolveQrIdentity: () => client.resolveQrIdentity('EID:x'),
      createPayment: () => client.createPayment({ transactionId: ITEM.id, amountFen: 100 }),
      paymentStatus: () => client.paymentStatus('p1'),
      certificate: () => client.certificate(ITEM.id),
    };
    await calls[answer.call]();
  },
  typed: (e) => e instanceof PlatformHttpError || e instanceof PlatformProtocolError || e instanceof PlatformUnreachableError,
  toCorpus: (a) => a,
  fromCorpus: (v) => v as PlatformAnswer,
};

const VALID_CONFIG = JSON.stringify({ platformUrl: 'https://zwfw.example.gov.cn', devices: { idcard: { mode: 'serial', port: '/dev/ttyUSB0' }, receiptPrinter: { mode: 'tcp', host: '10.0.0.5' } }, idleTimeoutSeconds: 60, theme: { siteName: '城东街道便民服务中心' } }, null, 2);

/** Configuration files a technician writes (`kiosk-config.json`), through `kioskctl config check`'s path. */
function configFiles(): FuzzTarget<string> {
  return {
    name: 'config-files',
    arbitrary: fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.json(),
      fc.tuple(fc.nat({ max: VALID_CONFIG.length }), fc.string({ maxLength: 8 }), fc.nat({ max: 8 })).map(([at, insert, cut]) => VALID_CONFIG.slice(0, at) + insert + VALID_CONFIG.slice(at + cut)),
    ),
    run(text) {
      const problems = checkConfigText('/etc/kiosk/kiosk-config.json', text);
      for (const p of problems) if (!p.zh || !p.en) throw new Error(`a configuration problem without its Chinese or English text: ${JSON.stringify(p)}`);
    },
    typed: () => false,
    toCorpus: (t) => t,
    fromCorpus: (v) => String(v),
  };
}

/**
 * Update feeds (latest-linux.yml) as whoever answers for the platform may
 * write them: electron-updater's own YAML parsing, then the kiosk's reading
 * of the artifact's entry and its signature check against a real file and
 * release key. Besides no crash, one property: an update is accepted only
 * with the release key's signature over the file's real sha512 (a mutated
 * genuine feed may keep both; nothing else may pass).
 */
function updateMetadata(): FuzzTarget<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-fuzz-feed-'));
  const file = join(dir, 'gov-kiosk_1.2.0_all.deb');
  writeFileSync(file, randomBytes(4096));
  const release = generateKeyPairSync('ed25519');
  const publicKeyPem = release.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const sha512 = createHash('sha512').update(readFileSyncBytes(file)).digest('base64');
  const signature = signUpdate(sha512, release.privateKey);
  const valid = `version: 1.2.0\nfiles:\n  - url: gov-kiosk_1.2.0_all.deb\n    sha512: ${sha512}\n    size: 4096\n    kioskSignature: ${signature}\npath: gov-kiosk_1.2.0_all.deb\nsha512: ${sha512}\nreleaseDate: '2026-12-01T00:00:00.000Z'\n`;
  return {
    name: 'update-metadata',
    arbitrary: fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.tuple(fc.nat({ max: valid.length }), fc.string({ maxLength: 12 }), fc.nat({ max: 12 })).map(([at, insert, cut]) => valid.slice(0, at) + insert + valid.slice(at + cut)),
    ),
    async run(text) {
      const info = parseUpdateInfo(text, 'latest-linux.yml', new URL('https://zwfw.example.gov.cn/updates/stable/'));
      const fields = typeof info === 'object' && info !== null ? (info as unknown as { files?: unknown; sha512?: unknown }) : {};
      const artifact = feedArtifact(fields.files, file, fields.sha512);
      const refusal = await checkDownloadedUpdate({ file, ...artifact }, publicKeyPem);
      if (refusal === null && !(artifact.sha512 === sha512 && Buffer.from(artifact.signature ?? '', 'base64').equals(Buffer.from(signature, 'base64')))) {
        throw new Error(`a feed without the release signature over the file's sha512 was accepted: ${JSON.stringify(artifact)}`);
      }
    },
    typed: (e) => (e as { code?: unknown } | null)?.code === 'ERR_UPDATER_INVALID_UPDATE_INFO',
    toCorpus: (t) => t,
    fromCorpus: (v) => String(v),
  };
}

/** Every fuzz target, in the order the runners report them. */
export function fuzzTargets(): FuzzTarget[] {
  return [idCardFrames, escposReplies, hidPosReports, scannerLines, ippResponses, platformResponses, configFiles(), updateMetadata()] as FuzzTarget[];
}
