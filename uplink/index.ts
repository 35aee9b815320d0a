/**
 * uplink: everything the kiosk says to the central platform. One client
 * (`createPlatformClient`: one error model, one timeout policy, body caps, the
 * `signRequest` / `verifyReply` hooks, the `onSettled` trust feed, the `traffic` recorder) carries every call — outbox
 * batches, heartbeats, clock, catalogue, QR identity, payments, queries, certificates;
 * the wire schemas are in `protocol/`; the sync engine, catalogue refresh,
 * heartbeat, clock offset, delivery watcher and connectivity probe in `sync/`.
 * Plain Node; imports common/ and offline-cache/ (the outbox it drains, the
 * cache it fills) only. See docs/sync-protocol.md and docs/openapi.yaml.
 */
export {
  createPlatformClient,
  CITIZEN_TIMEOUT_MS,
  CERTIFICATE_TIMEOUT_MS,
  MAX_CERTIFICATE_BYTES,
  MAX_QUERY_BYTES,
  type PlatformClient,
  type QueryRequest,
  type PlatformClientOptions,
  type HeartbeatBody,
  type CommandAck,
} from './client/platform-client';
export { DEFAULT_TIMEOUT_MS, MAX_RESPONSE_BYTES, type BinaryBody, type ConditionalReply, type PlatformReply, type PlatformTransportOptions } from './client/platform-transport';
export { PlatformHttpError, PlatformProtocolError, PlatformUnreachableError } from './client/platform-errors';
export type { PlatformExchange, TrafficHook } from './client/traffic';
export {
  createRequestSigner,
  createReplyVerifier,
  createDeviceSigning,
  REPLY_WINDOW_MS,
  type DeviceCredentials,
  type DeviceSigning,
  type ReplyVerifierOptions,
} from './client/request-signer';
export {
  PlatformTrustRefusedError,
  PlatformReplyRejectedError,
  TRUST_REFUSAL_CODES,
  isTrustRefusalCode,
  type TrustRefusalCode,
  type ReplyRejectionReason,
} from './client/trust-errors';
export { createLinkTrust, LINK_TRUSTED, type LinkTrust, type LinkTrustState, type LinkRefusal, type LinkTrustOptions } from './client/link-trust';
export { enrolTerminal, type Enrolment } from './client/enrolment';
export { createPlatformFetch, type PlatformFetchOptions } from './client/platform-fetch';
export type { CatalogueResponse, DelegationVerifyResponse, GuardianCheckResponse, PaymentOrderResponse, PaymentStatusResponse, QrIdentityResponse, QueryResponse } from './protocol/protocol-schemas';
export { checkRemoteConfig, checkFleetCommand, type FleetTrustAnchor, type FleetDocumentRefusal } from './fleet/fleet-documents';
export { HeartbeatSchedule, HEARTBEAT_CHECK_MS, FULL_REPORT_MS } from './sync/heartbeat-schedule';
export { createSyncEngine, IDLE_PROBE_INTERVAL_MS, DEFAULT_BATCH_SIZE, type SyncEngine, type SyncEngineOptions, type SyncPassResult, type SyncEngineEvents } from './sync/sync-engine';
export { backoffDelayMs, BACKOFF_BASE_MS, BACKOFF_CAP_MS } from './sync/backoff';
export { sendHeartbeat, type HeartbeatAck, type HeartbeatOptions } from './sync/heartbeat';
export { refreshCatalogue } from './sync/catalogue-refresh';
export { lastClockReading, type ClockReading } from './sync/clock-offset';
export { DeliveryWatcher, type DeliverySource } from './sync/delivery-watcher';
export { startConnectivityProbe, PROBE_INTERVAL_MS } from './sync/connectivity-probe';
export { createUplink, CATALOGUE_REFRESH_MS, HEARTBEAT_MS, REAL_TIMERS, type Uplink, type UplinkOptions, type UplinkTimers } from './uplink';
