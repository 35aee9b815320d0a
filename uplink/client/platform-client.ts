import type { CommandAckStatus } from '../../common/fleet/fleet-command';
import type { TerminalHealth } from '../../common/fleet/terminal-health';
import type { OutboxKind } from '../../offline-cache/index';
import { PlatformProtocolError } from './platform-errors';
import { createPlatformTransport, type BinaryBody, type ConditionalReply, type PlatformReply, type PlatformTransportOptions } from './platform-transport';
import {
  BATCH_PATHS,
  BatchResponseSchema,
  CatalogueResponseSchema,
  CommandAckResponseSchema,
  DelegationVerifyResponseSchema,
  GuardianCheckResponseSchema,
  HeartbeatResponseSchema,
  LogUploadResponseSchema,
  PaymentOrderResponseSchema,
  PaymentStatusResponseSchema,
  QrIdentityResponseSchema,
  QueryResponseSchema,
  RemoteConfigResponseSchema,
  TimeResponseSchema,
  type BatchResponse,
  type CatalogueResponse,
  type CommandAckResponse,
  type LogUploadResponse,
  type RemoteConfigResponse,
  type DelegationVerifyResponse,
  type GuardianCheckResponse,
  type HeartbeatResponse,
  type PaymentOrderResponse,
  type PaymentStatusResponse,
  type QrIdentityResponse,
  type QueryResponse,
  type TimeResponse,
} from '../protocol/protocol-schemas';

/**
 * Timeout of the calls a person waits on at the screen (QR identity,
 * payments), in ms: 8 s, shorter than the background calls' 15 s, so a dead
 * link turns into "platform unreachable" on screen quickly.
 */
export const CITIZEN_TIMEOUT_MS = 8_000;

/** Timeout of a certificate download (an A4 PDF of up to {@link MAX_CERTIFICATE_BYTES}), in ms: 30 s. */
export const CERTIFICATE_TIMEOUT_MS = 30_000;

/** Largest certificate accepted from the platform, in bytes (20 MiB). */
export const MAX_CERTIFICATE_BYTES = 20 * 1024 * 1024;

/** Largest query answer accepted from the platform, in bytes (64 KiB: a screen and a receipt's worth). */
export const MAX_QUERY_BYTES = 64 * 1024;

/** What a query asks the platform: the item, the identified person and the choices on its form. */
export interface QueryRequest {
  service: string;
  applicant: { name: string; idNumber: string };
  parameters: Record<string, string>;
}

/** Heartbeat body as the protocol defines it. */
export interface HeartbeatBody {
  deviceId: string;
  version: string;
  sentAt: string;
  queue: { pending: number; needsAttention: number; oldestPendingAgeSeconds: number };
  devices: unknown[];
  alerts: Array<{ code: string; message: string }>;
  /** The audit chain's head now, and the kiosk's hash at the head id the platform last acknowledged (null before any). */
  audit: { head: { id: number; hash: string }; proof: { id: number; hash: string | null } | null };
  /** Health beyond the fields above (common/fleet/terminal-health.ts); absent when the caller has none. */
  health?: TerminalHealth;
}

/** One acknowledgement of a delivered command (`ref` as the heartbeat reply gave it). */
export interface CommandAck {
  ref: number;
  /** The command's id when it could be read, else null. */
  id: string | null;
  status: CommandAckStatus;
  reason: string | null;
}

/** Options of {@link createPlatformClient}. */
export interface PlatformClientOptions extends PlatformTransportOptions {
  /** Timeout of the calls a person waits on (QR identity, payments), in ms. Default {@link CITIZEN_TIMEOUT_MS}. */
  citizenTimeoutMs?: number;
}

/**
 * The one client of platform protocol v1: every call the kiosk makes to the
 * central platform. Every method throws {@link PlatformUnreachableError}
 * (network, timeout, cancel, invalid URL), {@link PlatformHttpError} (non-2xx)
 * or {@link PlatformProtocolError} (invalid answer, body over its cap); only
 * an exception from `signRequest` passes through as is. Background calls
 * (time, catalogue, batches, heartbeat) use the client's `timeoutMs`; calls a
 * person waits on use `citizenTimeoutMs`, the certificate download
 * {@link CERTIFICATE_TIMEOUT_MS}.
 */
export interface PlatformClient {
  readonly baseUrl: string;
  readonly deviceId: string;
  /** `GET /api/v1/time`. `signal` aborts the request early (reported as unreachable). */
  time(signal?: AbortSignal): Promise<PlatformReply<TimeResponse>>;
  /** `GET /api/v1/catalogue`, with `since` when not null. */
  catalogue(since: number | null): Promise<PlatformReply<CatalogueResponse>>;
  /** `GET /api/v1/catalogue?since=<since>&compact=1` with `If-None-Match: "cat-<since>"`: `notModified` when the platform is still at that version; a compact delta otherwise (text edits as `patches`, `lifeEvents` absent when unchanged). */
  catalogueIfChanged(since: number): Promise<ConditionalReply<CatalogueResponse>>;
  /** `GET /api/v1/config`, with `If-None-Match: "cfg-<version>"` when a version is held: `notModified` when the offer is still that version. */
  remoteConfig(heldVersion: number | null): Promise<ConditionalReply<RemoteConfigResponse>>;
  /** `POST /api/v1/commands/ack`: the terminal's answers to delivered commands (1–50). */
  ackCommands(results: CommandAck[]): Promise<PlatformReply<CommandAckResponse>>;
  /** `POST /api/v1/logs`: redacted log lines (at most 2 000 of 4 000 characters), for the command `commandId` or null. */
  uploadLogs(commandId: string | null, lines: string[]): Promise<PlatformReply<LogUploadResponse>>;
  /** Sends one batch (≤ 500 items) to the endpoint of `kind`. Results are checked to be one per item, same order. */
  sendBatch(kind: OutboxKind, items: ReadonlyArray<{ id: string } & Record<string, unknown>>, signal?: AbortSignal): Promise<PlatformReply<BatchResponse>>;
  /** `POST /api/v1/heartbeats`. */
  heartbeat(body: HeartbeatBody): Promise<PlatformReply<HeartbeatResponse>>;
  /** `POST /api/v1/identity/qr`: the person an e-ID / one-code-pass payload names (the kiosk never interprets the payload). A refused code is a 4xx {@link PlatformHttpError}. */
  resolveQrIdentity(payload: string): Promise<PlatformReply<QrIdentityResponse>>;
  /**
   * `POST /api/v1/delegations/verify`: the platform checks a principal's
   * authorisation QR for the agent (signature, expiry, agent). A refusal is a
   * 422 {@link PlatformHttpError} whose `errorCode` says why.
   */
  verifyDelegation(request: { token: string; agentIdNumber: string }): Promise<PlatformReply<DelegationVerifyResponse>>;
  /** `POST /api/v1/delegations/guardian-check`: a guardian and a child under 14 in the household register; a refusal is a 422 with its `errorCode`. */
  guardianCheck(request: { guardianIdNumber: string; childIdNumber: string; relation: string }): Promise<PlatformReply<GuardianCheckResponse>>;
  /** `POST /api/v1/payments`: a payment order for a transaction's fee. */
  createPayment(order: { transactionId: string; amountFen: number }): Promise<PlatformReply<PaymentOrderResponse>>;
  /** `GET /api/v1/payments/{id}`. */
  paymentStatus(paymentId: string): Promise<PlatformReply<PaymentStatusResponse>>;
  /** `POST /api/v1/payments/{id}/cancel`. */
  cancelPayment(paymentId: string): Promise<PlatformReply<PaymentStatusResponse>>;
  /**
   * `POST /api/v1/queries`: the answer of a query item for the identified
   * person (citizen timeout, at most {@link MAX_QUERY_BYTES}). Throws
   * {@link PlatformProtocolError} when the answer breaks the schema or is for
   * another item; a refusal (unknown item, not a query, bad ID number) is a
   * 4xx {@link PlatformHttpError}.
   */
  query(request: QueryRequest): Promise<PlatformReply<QueryResponse>>;
  /**
   * `GET /api/v1/certificates/{transactionId}`: the certificate PDF. Throws
   * {@link PlatformProtocolError} unless the answer is labelled
   * `application/pdf`, starts with `%PDF` and is at most {@link MAX_CERTIFICATE_BYTES}.
   */
  certificate(transactionId: string): Promise<PlatformReply<BinaryBody>>;
}

/** Creates the {@link PlatformClient}; see {@link PlatformClientOptions} for the defaults. */
export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const http = createPlatformTransport(options);
  const citizenTimeoutMs = options.citizenTimeoutMs ?? CITIZEN_TIMEOUT_MS;
  const payment = (paymentId: string) => `/api/v1/payments/${encodeURIComponent(paymentId)}`;

  return {
    baseUrl: http.baseUrl,
    deviceId: http.deviceId,
    time: (signal) => http.json({ method: 'GET', path: '/api/v1/time', schema: TimeResponseSchema, signal }),
    catalogue: (since) =>
      http.json({ method: 'GET', path: '/api/v1/catalogue', ...(since === null ? {} : { query: { since: String(since) } }), schema: CatalogueResponseSchema }),
    catalogueIfChanged: (since) =>
      http.conditional({ method: 'GET', path: '/api/v1/catalogue', query: { since: String(since), compact: '1' }, ifNoneMatch: `"cat-${since}"`, schema: CatalogueResponseSchema }),
    remoteConfig: (heldVersion) =>
      http.conditional({ method: 'GET', path: '/api/v1/config', ...(heldVersion === null ? {} : { ifNoneMatch: `"cfg-${heldVersion}"` }), schema: RemoteConfigResponseSchema }),
    ackCommands: (results) => http.json({ method: 'POST', path: '/api/v1/commands/ack', body: { deviceId: options.deviceId, results }, schema: CommandAckResponseSchema }),
    uploadLogs: (commandId, lines) => http.json({ method: 'POST', path: '/api/v1/logs', body: { deviceId: options.deviceId, commandId, lines }, schema: LogUploadResponseSchema }),
    async sendBatch(kind, items, signal) {
      const path = BATCH_PATHS[kind];
      const reply = await http.json({ method: 'POST', path, body: { deviceId: options.deviceId, items }, schema: BatchResponseSchema, signal });
      const results = reply.body.results;
      if (results.length !== items.length) throw new PlatformProtocolError(`${path}: ${results.length} results for ${items.length} items`);
      for (let i = 0; i < items.length; i++) {
        if (results[i]!.id !== items[i]!.id) throw new PlatformProtocolError(`${path}: result ${i} is for another item`);
      }
      return reply;
    },
    heartbeat: (body) => http.json({ method: 'POST', path: '/api/v1/heartbeats', body, schema: HeartbeatResponseSchema }),
    resolveQrIdentity: (payload) =>
      http.json({ method: 'POST', path: '/api/v1/identity/qr', body: { payload }, schema: QrIdentityResponseSchema, timeoutMs: citizenTimeoutMs }),
    verifyDelegation: (request) =>
      http.json({ method: 'POST', path: '/api/v1/delegations/verify', body: { token: request.token, agentIdNumber: request.agentIdNumber }, schema: DelegationVerifyResponseSchema, timeoutMs: citizenTimeoutMs }),
    guardianCheck: (request) =>
      http.json({
        method: 'POST',
        path: '/api/v1/delegations/guardian-check',
        body: { guardianIdNumber: request.guardianIdNumber, childIdNumber: request.childIdNumber, relation: request.relation },
        schema: GuardianCheckResponseSchema,
        timeoutMs: citizenTimeoutMs,
      }),
    createPayment: (order) =>
      http.json({ method: 'POST', path: '/api/v1/payments', body: { transactionId: order.transactionId, amountFen: order.amountFen }, schema: PaymentOrderResponseSchema, timeoutMs: citizenTimeoutMs }),
    paymentStatus: (paymentId) => http.json({ method: 'GET', path: payment(paymentId), schema: PaymentStatusResponseSchema, timeoutMs: citizenTimeoutMs }),
    cancelPayment: (paymentId) =>
      http.json({ method: 'POST', path: `${payment(paymentId)}/cancel`, body: {}, schema: PaymentStatusResponseSchema, timeoutMs: citizenTimeoutMs }),
    async query(request) {
      const body = { deviceId: options.deviceId, service: request.service, applicant: request.applicant, parameters: request.parameters };
      const reply = await http.json({ method: 'POST', path: '/api/v1/queries', body, schema: QueryResponseSchema, timeoutMs: citizenTimeoutMs, maxBytes: MAX_QUERY_BYTES });
      if (reply.body.service !== request.service) throw new PlatformProtocolError('/api/v1/queries: the answer is for another item');
      return reply;
    },
    async certificate(transactionId) {
      const path = `/api/v1/certificates/${encodeURIComponent(transactionId)}`;
      const reply = await http.binary({ method: 'GET', path, accept: 'application/pdf', maxBytes: MAX_CERTIFICATE_BYTES, timeoutMs: CERTIFICATE_TIMEOUT_MS });
      const { contentType, bytes } = reply.body;
      if (!contentType.includes('application/pdf') || !(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
        throw new PlatformProtocolError(`${path}: the platform did not send a PDF`);
      }
      return reply;
    },
  };
}
