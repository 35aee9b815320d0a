import type { ContractDispatcher } from '../../common/contract/dispatcher';
import type { EventHub } from '../../common/contract/event-hub';
import type { KioskContract } from '../../common/contract/kiosk-contract';
import type { KeyProtection } from '../../common/contract/schemas';
import type { Logger } from '../../common/logging/logger';
import type { A4PrintHost } from '../../drivers/a4-printer/index';
import type { HidLister, PortInfoLister } from '../../drivers/base/device-discovery';
import type { KeyProvider, KioskStore } from '../../offline-cache/index';
import type { SyncEngine, TrafficHook } from '../../uplink/index';
import type { KioskConfig } from './config';
import type { KioskDevices } from './devices/create-devices';
import type { SimulatedDevices } from './devices/simulated-devices';
import type { CoreHeartbeatReport } from './heartbeat-report';

// The core's public shape, apart from its composition root (create-kiosk-core.ts), which re-exports it.

/** Options of {@link createKioskCore} besides the configuration. */
export interface KioskCoreOptions {
  /** Source of the database key; default a 0600 key file in the data dir (plain-Node mode). */
  keyProvider?: KeyProvider;
  /**
   * What protects that key (the technician screen shows it); default
   * `key-file`, the core's own provider. A host that passes `keyProvider`
   * says which protection it chose (main/electron/key-storage-choice.ts).
   */
  keyProtection?: KeyProtection;
  /** Sync engine tuning (tests shorten the poll interval). */
  syncPollIntervalMs?: number;
  /** Pause between connectivity probes while offline, in ms; default 5000. */
  probeIntervalMs?: number;
  /**
   * The OS spooler as the host process offers it (the Electron shell on
   * Windows): used when `devices.a4Printer.mode` is `os`, ignored otherwise.
   * Without it, mode `os` reports the A4 printer `noDevice`.
   */
  a4PrintHost?: A4PrintHost;
  /**
   * Receives every exchange with the platform (request and answer, bodies
   * included, so personal data too). For test and development harnesses
   * only, which record it and check it against docs/openapi.yaml; the
   * shipped shell never sets it. Default none.
   */
  uplinkTraffic?: TrafficHook;
  /** Where the core logs; default a rotating JSON-lines file in `<dataDir>/logs` (personal data redacted). */
  logger?: Logger;
  /**
   * Alerts to report on the first heartbeat, sent right after start-up (the
   * supervisor's crash-loop alert). Each is set on the store
   * (`store.setAlert`) and stays for the life of this core. Default none.
   */
  startupAlerts?: Array<{ code: string; message: string }>;
  /** Receives one line per service event (no catalogue at start, catalogue back, not enrolled, revoked). Default none. */
  log?: (line: string) => void;
  /**
   * One-time enrolment code to enrol with at start when the terminal holds
   * no enrolment (the embedded platform of development, demo and test
   * harnesses issues one); ignored when enrolled. Default none: an
   * unenrolled terminal sends unsigned requests, and a platform that
   * requires signed ones keeps it out of service (`not-enrolled`).
   */
  enrolmentCode?: string;
  /**
   * Called after each heartbeat the platform acknowledged, with the pinned
   * version (validated) and whether every device opened: the shell's update
   * controller follows the pin and its health check counts the heartbeat.
   * Default none.
   */
  onHeartbeat?: (report: CoreHeartbeatReport) => void;
  /**
   * The platform asked for a restart by a signed command; called once the
   * terminal is idle (the shell restarts the core or the app). Default: the
   * request is audited and acknowledged, nothing restarts.
   */
  onRestartRequested?: () => void;
  /** Heartbeat check and full report intervals, in ms (defaults 60 s and 15 min; `uplink/uplink.ts`). */
  heartbeat?: { intervalMs?: number; fullReportMs?: number };
  /** How long nothing may happen for the terminal to count as between sessions, in ms (a remote configuration waits for it). Default 60 000 (`IDLE_AFTER_MS`). */
  idleAfterMs?: number;
  /**
   * What the technician's device assignment lists (`technician.discoverDevices`):
   * default the operating system's serial ports and HID devices. A test
   * harness on a machine without USB devices passes its own list. Default none.
   */
  discoverListers?: { serial?: PortInfoLister; hid?: HidLister };
}

/** The running kiosk core: what the transports and kioskctl use. */
export interface KioskCore {
  readonly config: KioskConfig;
  readonly deviceId: string;
  readonly dispatcher: ContractDispatcher<KioskContract>;
  readonly events: EventHub<KioskContract>;
  readonly store: KioskStore;
  readonly sync: SyncEngine;
  readonly devices: KioskDevices;
  /** In-process simulators (demo, tests, technicians without hardware). */
  readonly simulators: SimulatedDevices;
  /** Fetches the catalogue now; resolves false when the platform is unreachable. */
  refreshCatalogue(): Promise<boolean>;
  /** Stops devices, sync and timers and closes the store. Idempotent. */
  close(): Promise<void>;
}
