// The composition root: every part of the core is built and wired here, in
// start-up order, and nowhere else; each part lives in its own module and
// this file only connects them (its one job), which is why it is long.
import { ContractDispatcher } from '../../common/contract/dispatcher';
import { EventHub } from '../../common/contract/event-hub';
import { kioskContract, type KioskContract, type KioskImplementation } from '../../common/contract/kiosk-contract';
import { ConnectionRegistry, IN_PROCESS_CONNECTION } from '../../common/contract/connections';
import { FileKeyProvider, openKioskStore, readOrCreateDeviceId } from '../../offline-cache/index';
import { createDeviceSigning, createLinkTrust, createPlatformClient, createUplink, DeliveryWatcher, lastClockReading, type TrafficHook } from '../../uplink/index';
import { openHostedPrinter, type A4PrintHost } from '../../drivers/a4-printer/index';
import type { ServiceState, SystemInfo } from '../../common/contract/schemas';
import { IdleGate } from '../../common/domain/idle-gate';
import { FleetController } from './fleet/fleet-controller';
import { fleetInfo } from './fleet/fleet-info';
import { healthReport, RecentErrorCodes } from './fleet/health-report';
import { lastLogLines, logFiles } from './logging/read-log-lines';
import { logDirOf } from './logging/open-kiosk-logger';
import type { KioskConfig } from './config';
import { identityFromCard } from './devices/card-identity';
import { A4_STATUS_INTERVAL_MS, createDevices, type KioskDevices } from './devices/create-devices';
import { DeviceRegistry } from './devices/device-registry';
import { ReceiptPrinting } from './printing/receipt-printing';
import { CertificatePrinting } from './printing/certificate-printing';
import { PaymentService } from './services/payment-service';
import { QueryService } from './services/query-service';
import { CatalogueService } from './services/catalogue-service';
import { inputMethods } from './services/input-service';
import { resolveQrIdentity } from './services/qr-identity';
import { sessionMethods } from './services/session-service';
import { delegationMethods } from './services/delegation-service';
import { DelegationManager } from './session/delegation-manager';
import { technicianMethods } from './services/technician-service';
import { TechnicianLockout } from './technician/lockout';
import { TechnicianAccess } from './technician/technician-access';
import { technicianServiceMethods } from './technician/technician-actions';
import { staffServiceMethods } from './technician/staff-actions';
import { ServiceHold } from './technician/service-hold';
import { runNetworkTest } from './technician/network-test';
import { siteConfigView } from './technician/site-config-view';
import { readDeviceAssignments, withDeviceAssignments } from './devices/device-assignments';
import { discoverDevices } from '../../drivers/base/device-discovery';
import { enrolWithCode } from './trust/enrol-with-code';
import { TransactionsService } from './services/transactions-service';
import { SessionManager } from './session/session-manager';
import { prepareDataDir } from './startup-failure';
import { KIOSK_VERSION } from './version';
import { logKioskEvents } from './logging/log-kiosk-events';
import { openKioskLogger, type KioskLogger } from './logging/open-kiosk-logger';
import { initialLinkStanding, keepLinkStanding, linkStandingLine } from './trust/link-standing';
import { loadTerminalIdentity } from './trust/terminal-trust';

// What a host process needs to implement the A4 slot (`a4PrintHost`) without
// importing drivers/ itself (the Electron shell may import main/core only).
export type { A4FailureReason, A4FinalJobState, A4JobState, A4PrintHost, SpoolerPrinterState } from '../../drivers/a4-printer/index';
export { windowsStatusToSpoolerState } from '../../drivers/a4-printer/index';
import { heartbeatReport } from './heartbeat-report';
export { DeviceError } from '../../drivers/base/errors';
export { describeStartupFailure, prepareDataDir, StartupError, type StartupFailure } from './startup-failure';

export type { KioskCore, KioskCoreOptions } from './kiosk-core-types';
import type { KioskCore, KioskCoreOptions } from './kiosk-core-types';

/**
 * The composition root (plain Node; knows nothing of Electron): opens the
 * store, picks real or simulated device bindings once from `config`, and
 * wires session, catalogue, transactions, printing, rating and sync into the
 * KioskApi implementation. `config.platformUrl` must be set (the launcher
 * starts the embedded platform-sim when nothing is configured).
 * Throws StartupError when the data dir cannot be written, StorageError
 * when the store cannot be opened at all.
 */
export async function createKioskCore(config: KioskConfig, options: KioskCoreOptions = {}): Promise<KioskCore> {
  if (!config.platformUrl) throw new Error('createKioskCore: platformUrl is required (start platform-sim or configure the platform)');
  // The data dir holds the encrypted database and, in plain-Node mode, its key: owner only.
  prepareDataDir(config.dataDir);
  const fileLog: KioskLogger | null = options.logger ? null : await openKioskLogger({ dataDir: config.dataDir });
  const logger = options.logger ?? fileLog!.logger;
  const keyProvider = options.keyProvider ?? new FileKeyProvider(config.dataDir);
  // Enrolled: the platform's device id, every request signed, every reply verified. Not enrolled: the local id, unsigned.
  const identity = await loadTerminalIdentity({ dataDir: config.dataDir, keys: keyProvider, platformUrl: config.platformUrl, enrolmentCode: options.enrolmentCode, logger });
  const deviceId = identity.enrolment?.deviceId ?? readOrCreateDeviceId(config.dataDir);
  const store = openKioskStore({ dataDir: config.dataDir, deviceId, keyProvider });
  if (store.recovery) logger.child({ part: 'offline-cache' }).warn('storage.recovered', { quarantined: store.recovery.quarantinedPath.split(/[\\/]/).pop() });
  const events = new EventHub<KioskContract>();
  const stopEventLog = logKioskEvents(events, logger);
  const platformLog = logger.child({ part: 'uplink' });
  const startedAtMs = Date.now();
  const recentErrors = new RecentErrorCodes();
  // Method, path, status and time only: bodies (forms, QR identities) never reach the log.
  const traffic: TrafficHook = (x) => {
    if (x.error) recentErrors.note(`platform-${x.response ? x.response.status : x.error.name}`);
    platformLog[x.error ? 'warn' : 'info']('platform.request', { method: x.method, path: x.path, status: x.response?.status ?? null, durationMs: Math.round(x.durationMs), error: x.error?.name ?? null });
    options.uplinkTraffic?.(x);
  };
  const registry = new DeviceRegistry(events);
  const session = new SessionManager(events);
  const delegation = new DelegationManager(session, events);
  const linkTrust = createLinkTrust({ enrolled: identity.credentials !== null, initial: initialLinkStanding(store, deviceId) });
  const signing = identity.credentials ? createDeviceSigning(identity.credentials, { clockOffsetMs: () => lastClockReading(store.config)?.offsetMs ?? 0 }) : null;
  const client = createPlatformClient({ baseUrl: config.platformUrl, deviceId, traffic, onSettled: (e) => linkTrust.observe(e), ...signing });
  // Between sessions: the shell's idle rule, fed here by touches and session changes.
  const idleGate = new IdleGate(options.idleAfterMs === undefined ? {} : { idleAfterMs: options.idleAfterMs });
  const fleet = new FleetController({
    store,
    client,
    deviceId,
    anchor: identity.credentials ? { provider: identity.credentials.provider, platformPublicKey: identity.credentials.platformPublicKey } : null,
    isIdle: () => idleGate.isIdle(),
    platformNow: () => Date.now() + (lastClockReading(store.config)?.offsetMs ?? 0),
    onApplied: () => {
      void implementation.system.info({}, { connection: IN_PROCESS_CONNECTION }).then((info) => events.emit('system', 'onInfoChanged', info));
    },
    handlers: {
      syncNow: () => sync.syncNow(),
      uploadLogs: async (commandId) => {
        const dir = logDirOf(config.dataDir);
        let lines: string[] = [];
        try {
          lines = lastLogLines(logFiles(dir), 500).map((l) => l.slice(0, 4000));
        } catch {
          // No log directory (a logger injected by the host): an empty upload still answers the command.
        }
        await client.uploadLogs(commandId, lines);
      },
      restart: () => options.onRestartRequested?.(),
      serviceChanged: () => void announceServiceState(),
    },
  });
  const uplink = createUplink({
    store,
    client,
    version: KIOSK_VERSION,
    keyProtection: options.keyProtection ?? 'key-file',
    devices: () => registry.list(),
    onCatalogueRefreshed: () => {
      if (!catalogue.reload()) return;
      events.emit('catalogue', 'onUpdated', { catalogueVersion: store.catalogue.version() });
      if (announceServiceState() && lastServiceState.inService) log('恢复服务：已收到服务目录 / back in service: the catalogue has arrived');
    },
    ...(options.syncPollIntervalMs ? { syncPollIntervalMs: options.syncPollIntervalMs } : {}),
    ...(options.probeIntervalMs ? { probeIntervalMs: options.probeIntervalMs } : {}),
    heartbeatAtStart: (options.startupAlerts?.length ?? 0) > 0,
    onHeartbeat: async (ack) => {
      options.onHeartbeat?.(heartbeatReport(ack, registry.list()));
      await fleet.onHeartbeat(ack);
    },
    health: () =>
      healthReport({
        version: KIOSK_VERSION,
        startedAtMs,
        nowMs: Date.now(),
        devices: registry.list(),
        catalogueVersion: store.catalogue.version(),
        configVersion: fleet.applied()?.version ?? null,
        dataDir: config.dataDir,
        errors: recentErrors,
        service: serviceState(),
      }),
    ...(options.heartbeat?.intervalMs ? { heartbeatIntervalMs: options.heartbeat.intervalMs } : {}),
    ...(options.heartbeat?.fullReportMs ? { fullReportIntervalMs: options.heartbeat.fullReportMs } : {}),
  });
  for (const alert of options.startupAlerts ?? []) store.setAlert(alert.code, alert.message);
  const sync = uplink.sync;
  const catalogue = new CatalogueService(store, { region: config.region });
  const serviceLog = logger.child({ part: 'core' });
  /** A service event: to the host's console line (when given) and to the structured log. */
  const log = (line: string): void => {
    options.log?.(line);
    serviceLog.warn('service', { line });
  };
  // The platform's refusal of this terminal comes first: a cached catalogue does not open a revoked terminal.
  const serviceHold = new ServiceHold(store.config);
  const serviceState = (): ServiceState => {
    const refused = linkTrust.state.refused;
    if (refused) return { inService: false, reason: refused };
    if (fleet.outOfService()) return { inService: false, reason: 'taken-out-of-service' };
    if (serviceHold.held()) return { inService: false, reason: 'taken-out' };
    return catalogue.isEmpty() ? { inService: false, reason: 'no-catalogue' } : { inService: true, reason: null };
  };
  let lastServiceState = serviceState();
  /** Emits `onServiceState` when the state changed since the last announcement (after start-up); true when it did. */
  const announceServiceState = (): boolean => {
    const now = serviceState();
    if (!started || (now.inService === lastServiceState.inService && now.reason === lastServiceState.reason)) return false;
    lastServiceState = now;
    events.emit('system', 'onServiceState', now);
    return true;
  };
  const stopLinkStanding = keepLinkStanding({
    trust: linkTrust,
    store,
    deviceId,
    platformUrl: config.platformUrl,
    logger,
    line: (text) => log(text),
    onChanged: () => void announceServiceState(),
  });
  // Until start-up is done the first catalogue is not news (the no-catalogue line is written after it).
  let started = false;
  const resolveQr = (payload: string) => resolveQrIdentity(client, payload);

  const connections = new ConnectionRegistry();
  // Checked offline against the platform key of the enrolment: a terminal without one lets no technician in.
  const technicianAccess = new TechnicianAccess({
    connections,
    anchor: identity.enrolment && identity.credentials ? { provider: identity.credentials.provider, platformPublicKey: identity.credentials.platformPublicKey, siteId: identity.enrolment.siteId, deviceId } : null,
    lockout: new TechnicianLockout(store.config),
    audit: store.audit,
    idleSeconds: config.technicianIdleSeconds,
  });
  const technicianSweep = setInterval(() => {
    technicianAccess.sweep();
    fleet.tick();
  }, 5_000);
  technicianSweep.unref();

  const identifyByScan = async (payload: string) => {
    // While the agent waits for the principal's phone authorisation, a scanned code is that authorisation.
    if (delegation.awaitingAuthorisation()) {
      await delegationApi.useAuthorisation({ token: payload }, { connection: IN_PROCESS_CONNECTION }).catch(() => undefined);
      return;
    }
    // While a technician tests the devices, a scan is theirs: it opens no citizen session.
    if (session.view().stage === 'identified' || technicianAccess.technicianPresent()) return;
    await sessionApi.identifyByQr({ payload }, { connection: IN_PROCESS_CONNECTION }).catch(() => undefined);
  };

  // The technician's assignments (kiosk.db) over the configuration file's devices.
  const deviceConfig = withDeviceAssignments(config, readDeviceAssignments(store.config));
  const allDevices = createDevices(deviceConfig, registry, {
    onIdCard(reader) {
      session.useReader(() => reader.rearm());
      reader.on('cardPresented', (presented) => {
        // A test card of the technician opens no citizen session (technician.testCard reads it itself).
        if (technicianAccess.technicianPresent() || !session.cardPresented(presented.initial)) presented.leaveUnread();
      });
      reader.on('cardRemoved', () => session.cardRemoved());
      // While the agent waits for the principal's card, the card read is the principal's: the agent's session goes on.
      reader.on('cardRead', (card) =>
        delegation.awaitingCard()
          ? delegation.principalIdentified({ route: 'card', principal: identityFromCard(card), consent: { kind: 'card-present', ref: null }, authorisation: null })
          : session.identified(identityFromCard(card)),
      );
      reader.on('readFailed', (error) =>
        session.identifyFailed({ code: error.kind === 'NoMedia' ? 'card-removed' : error.kind === 'InvalidData' ? 'invalid-card' : 'read-failed', message: `${error.kind}${error.classCode ? ` ${error.classCode}` : ''}` }),
      );
      reader.startPolling();
    },
    onScanner(scanner) {
      scanner.on('scanned', ({ payload }) => void identifyByScan(payload));
    },
  });

  const a4Cfg = config.devices.a4Printer;
  const devices = a4Cfg.mode === 'os' ? withHostedA4Printer(allDevices, registry, a4Cfg.printerName, options.a4PrintHost ?? null) : allDevices;

  const delivery = new DeliveryWatcher(store, sync);
  const isOnline = () => sync.connectivity.state !== 'offline';
  const transactions = new TransactionsService({ store, catalogue, session, delegation, delivery, isOnline, ackWaitMs: config.submitAckWaitMs });
  const queries = new QueryService({ platform: client, catalogue, session, delegating: () => delegation.engaged() });
  const printing = new ReceiptPrinting({
    store,
    transactions,
    queries,
    events,
    site: { siteName: config.theme.siteName, deviceId, timeZone: config.timeZone },
    feeOf: (tx) => payments.feeOf(tx.id, tx.service.feeFen),
    printer: () => devices.receiptPrinter(),
  });
  const sessionApi = sessionMethods({ session, resolveQr });
  const delegationApi = delegationMethods({ session, delegation, platform: client });
  const certificates = new CertificatePrinting({ platform: client, transactions, events, printer: () => devices.a4Printer() });
  const payments = new PaymentService({ platform: client, transactions, session });


  const printerMethods = printing.methods();
  const implementation: KioskImplementation = {
    system: {
      info: async (): Promise<SystemInfo> => ({
        version: KIOSK_VERSION,
        deviceId,
        simulated: Object.values(config.devices).some((d) => d.mode === 'sim'),
        defaultLocale: config.defaultLocale,
        ...fleetInfo(config, fleet.applied()),
      }),
      rendererReady: async () => ({ ok: true as const }),
      requestStaff: async ({ screen }) => {
        store.enqueueTelemetry('staff-assist', { screen });
        store.audit.append('staff-assist', { screen });
        return { ok: true as const };
      },
      serviceState: async () => serviceState(),
      touched: async () => {
        idleGate.activity();
        return { ok: true as const };
      },
    },
    session: sessionApi,
    delegation: delegationApi,
    catalogue: catalogue.methods(),
    transactions: transactions.methods(),
    queries: queries.methods(),
    printer: { ...printerMethods, printCertificate: certificates.method() },
    payment: payments.methods(),
    rating: {
      submit: async (input) => {
        const { id } = store.enqueueRating({ transactionId: input.transactionId, service: input.serviceCode, level: input.level, reason: input.reason ?? null });
        sync.nudge();
        return { id };
      },
    },
    devices: { list: async () => registry.list() },
    connectivity: {
      status: async () => {
        const q = store.queueStatus();
        return { ...sync.connectivity, pending: q.pending + q.inFlight };
      },
    },
    input: inputMethods(),
    technicianAccess: {
      unlock: async (input, ctx) => technicianAccess.unlock(input, ctx),
      lockState: async () => technicianAccess.lockState(),
    },
    technician: technicianServiceMethods({
      access: technicianAccess,
      status: technicianMethods({ version: KIOSK_VERSION, deviceId, keyProtection: options.keyProtection ?? 'key-file', devices: () => registry.list(), queue: () => store.queueStatus(), connectivity: () => sync.connectivity.state }, events).status,
      printer: () => devices.receiptPrinter(),
      syncNow: () => sync.syncNow(),
      idcard: () => devices.idcard(),
      scanner: () => devices.scanner(),
      a4Printer: () => devices.a4Printer(),
      store,
      dataDir: config.dataDir,
      discover: () => discoverDevices(options.discoverListers),
      reprintJournalled: (jobId) => printing.reprintJournalled(jobId),
      networkTest: () => runNetworkTest({ platformUrl: config.platformUrl!, client, enrolled: identity.credentials !== null, catalogueVersion: () => store.catalogue.version() || null }),
      enrol: (code) => enrolWithCode({ dataDir: config.dataDir, keys: keyProvider, platformUrl: config.platformUrl!, code, ...(identity.credentials ? { provider: identity.credentials.provider } : {}) }),
      siteConfig: async () => siteConfigView(deviceConfig, { deviceId, siteId: identity.enrolment?.siteId ?? null }),
    }),
    staff: staffServiceMethods({
      access: technicianAccess,
      identifiedSessionId: () => (session.view().stage === 'identified' ? session.currentSessionId() : null),
      reprintOfSession: printerMethods.reprint,
      hold: serviceHold,
      serviceState,
      announce: () => void announceServiceState(),
    }),
  };
  const dispatcher = new ContractDispatcher(kioskContract, implementation, { connections });

  sync.on('connectivity', (c) => events.emit('connectivity', 'onChanged', c));
  const stopIdleFeed = events.subscribe((channel, payload) => {
    if (channel === 'session:onChanged') idleGate.sessionStage(String((payload as { stage?: unknown } | null)?.stage ?? 'idle'));
  });

  store.audit.append('core.start', { version: KIOSK_VERSION, simulated: Object.values(config.devices).map((d) => d.mode) });
  logger.child({ part: 'core' }).info('core.start', { version: KIOSK_VERSION, deviceId, devices: Object.fromEntries(Object.entries(config.devices).map(([k, d]) => [k, d.mode])) });
  // Catalogue first, then the sync loop's first pass (see Uplink.start), so the first screen and submit see both.
  const standingAtStart = linkTrust.state.refused;
  await uplink.start();
  const refusedDuringStart = linkTrust.state.refused !== standingAtStart;
  lastServiceState = serviceState();
  started = true;
  // A refusal seen at start-up was already said by keepLinkStanding; one kept from the last run is said again here.
  if (lastServiceState.reason === 'no-catalogue') log(noCatalogueLine(config.platformUrl, sync.connectivity.state === 'offline'));
  else if (lastServiceState.reason && !refusedDuringStart) log(linkStandingLine(linkTrust.state, config.platformUrl, deviceId));

  let closed = false;
  return {
    config,
    deviceId,
    dispatcher,
    events,
    store,
    sync,
    devices,
    simulators: devices.simulators,
    refreshCatalogue: uplink.refreshCatalogue,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(technicianSweep);
      stopIdleFeed();
      session.end();
      await devices.close();
      await uplink.stop();
      stopLinkStanding();
      store.close();
      logger.child({ part: 'core' }).info('core.stop');
      stopEventLog();
      await fileLog?.close();
    },
  };
}

/**
 * The one console line that says why a terminal without a catalogue does not
 * open for citizens, and what to do. The URL is the configured platform
 * address (no secret, no personal data).
 */
export function noCatalogueLine(platformUrl: string, unreachable: boolean): string {
  return unreachable
    ? `暂停服务：没有服务目录，平台 ${platformUrl} 连不上，请检查配置中的 platformUrl 和网络 / out of service: no catalogue, the platform ${platformUrl} cannot be reached; check platformUrl in the configuration and the network`
    : `暂停服务：没有服务目录，平台 ${platformUrl} 没有给出任何事项，请联系平台管理员 / out of service: no catalogue, the platform ${platformUrl} listed no service; ask the platform administrators`;
}

/**
 * A4 mode `os`: `openHostedPrinter` over the injected host, its status read
 * into the registry now and every {@link A4_STATUS_INTERVAL_MS} like the CUPS
 * printer's. Without a host (plain Node, kioskctl) the printer is reported
 * `noDevice` and `a4Printer()` stays null, so printing is refused.
 */
function withHostedA4Printer(devices: KioskDevices, registry: DeviceRegistry, printerName: string, host: A4PrintHost | null): KioskDevices {
  const missing = (error: string) =>
    registry.update({ device: 'a4Printer', name: 'a4-printer', state: 'noDevice', simulated: false, error, updatedAt: new Date().toISOString() });
  if (!host) {
    missing('a4Printer mode "os" needs a print host (the Electron shell provides one)');
    return devices;
  }
  const printer = openHostedPrinter(host, { printerName, name: 'a4-printer' });
  let closed = false;
  const read = () => {
    if (closed) return;
    printer.status().then(
      (s) => void (closed || registry.update(s)),
      (e: Error) => void (closed || missing(e.message.slice(0, 200))),
    );
  };
  read();
  const timer = setInterval(read, A4_STATUS_INTERVAL_MS);
  timer.unref();
  return {
    ...devices,
    a4Printer: () => printer,
    async close() {
      closed = true;
      clearInterval(timer);
      await devices.close();
    },
  };
}
