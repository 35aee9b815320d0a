import type { CatalogueVersions } from './catalogue/catalogue-versions';
import type { FaultInjector } from './faults';
import type { PlatformClock } from './platform-clock';
import type { FleetStore } from './store/fleet-store';
import type { HeartbeatsStore } from './store/heartbeats-store';
import type { PaymentsStore } from './store/payments-store';
import type { RecordsStore } from './store/records-store';
import type { SettingsStore } from './store/settings-store';
import type { TrustState } from './trust/trust-state';

/** Everything a route needs; built once by `startPlatformSim`. */
export interface PlatformContext {
  clock: PlatformClock;
  faults: FaultInjector;
  records: RecordsStore;
  payments: PaymentsStore;
  settings: SettingsStore;
  heartbeats: HeartbeatsStore;
  catalogue: CatalogueVersions;
  /** Remote configurations, commands, each terminal's last health, uploaded logs. */
  fleet: FleetStore;
  /** Enrolled devices, the platform's signing keys and the nonce cache. */
  trust: TrustState;
  /** The server's own base URL (e.g. `http://127.0.0.1:4100`), known once listening. */
  baseUrl(): string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Platform time of this request (ISO 8601 UTC, ms); also sent as `X-Platform-Time`. */
    platformTime: string;
    /** True when a fault drops this connection after the handler has committed. */
    dropAfterCommit: boolean;
    /** The JSON body's bytes as received (null when none). */
    rawBody: Buffer | null;
    /** Set when the request carried a valid kiosk signature: the signer and its nonce (the reply is signed against it). */
    signedBy: { deviceId: string; nonce: string; algorithm: string } | null;
  }
}
