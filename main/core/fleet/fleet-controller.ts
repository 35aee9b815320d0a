import type { FleetCommandKind, FleetCommandPayload } from '../../../common/fleet/fleet-command';
import type { RemoteConfigPayload, RemoteSettings } from '../../../common/fleet/remote-config';
import type { KioskStore } from '../../../offline-cache/index';
import { checkFleetCommand, checkRemoteConfig, type CommandAck, type FleetTrustAnchor, type HeartbeatAck, type PlatformClient } from '../../../uplink/index';

/** Config key of the last good remote configuration: `{document, version}` (re-checked when loaded). */
export const REMOTE_CONFIG_KEY = 'fleet.config';
/** Config key of the last refused configuration: `{version, reason, at}` (the technician screen and the heartbeat show it). */
export const REFUSED_CONFIG_KEY = 'fleet.config.refused';
/** Config key of the command ids already handled, newest last (at most {@link SEEN_COMMANDS_KEPT}). */
export const SEEN_COMMANDS_KEY = 'fleet.commands.seen';
/** Config key of the remote out-of-service switch (true while the platform keeps the terminal out of service). */
export const REMOTE_OUT_OF_SERVICE_KEY = 'fleet.outOfService';
/** Command ids remembered for the replay check (a command expires long before this many newer ones arrive). */
export const SEEN_COMMANDS_KEPT = 1000;

/** What carries a command out (the composition root wires these). Each may throw: the command is then acknowledged `refused` with `failed`. */
export interface FleetCommandHandlers {
  syncNow(): Promise<unknown>;
  /** Uploads the recent log lines for command `commandId`. */
  uploadLogs(commandId: string): Promise<unknown>;
  /** Restart once the terminal is idle (the controller waits for idle, then calls it). */
  restart(): void;
  /** The remote out-of-service switch changed (already stored). */
  serviceChanged(outOfService: boolean): void;
}

/** Options of {@link FleetController}. */
export interface FleetControllerOptions {
  store: KioskStore;
  client: PlatformClient;
  deviceId: string;
  /** The platform key from enrolment; null refuses every document (an unenrolled terminal trusts none). */
  anchor: FleetTrustAnchor;
  /** True between sessions: nobody at the screen (the shared idle rule, common/domain/idle-gate.ts). */
  isIdle(): boolean;
  /** A configuration was applied (between sessions): the new settings. */
  onApplied(settings: RemoteSettings, version: number): void;
  handlers: FleetCommandHandlers;
  /** Kiosk clock corrected by the platform clock offset, in ms (command expiry). Default Date.now. */
  platformNow?: () => number;
}

/**
 * The terminal's side of the fleet (docs/sync-protocol.md §3.6–3.7): fetches
 * the remote configuration a heartbeat announces (conditional on the version
 * held), checks it (signature, strict schema, terminal, a version above the
 * last one accepted), holds it until the terminal is idle, then applies and
 * keeps it; a refused one is audited and the last good one stays. Commands
 * delivered with a heartbeat are checked (signature, terminal, expiry, id not
 * seen), carried out once, audited and acknowledged; a replay is
 * acknowledged `duplicate` and nothing is done again.
 */
export class FleetController {
  private lastGood: RemoteConfigPayload | null = null;
  private pending: { document: string; config: RemoteConfigPayload } | null = null;
  /** The offered version whose answer we hold (good, pending or refused): sent as If-None-Match. */
  private heldVersion: number | null = null;
  private restartWanted = false;
  private readonly platformNow: () => number;

  constructor(private readonly options: FleetControllerOptions) {
    this.platformNow = options.platformNow ?? Date.now;
    const kept = options.store.config.get(REMOTE_CONFIG_KEY) as { document?: unknown } | undefined;
    if (kept && typeof kept.document === 'string') {
      // Re-checked: a configuration edited on disk is not applied.
      const check = checkRemoteConfig(kept.document, { anchor: options.anchor, deviceId: options.deviceId, lastVersion: 0 });
      if (check.ok) this.lastGood = check.config;
      else options.store.audit.append('fleet.config-refused', { version: check.claimed, reason: check.reason, detail: 'kept configuration no longer verifies', source: 'store' });
    }
    this.heldVersion = this.lastGood?.version ?? null;
  }

  /** The configuration applied now (null: none, the local file's settings). */
  applied(): RemoteConfigPayload | null {
    return this.lastGood;
  }

  /** True while the platform keeps the terminal out of service. */
  outOfService(): boolean {
    return this.options.store.config.get(REMOTE_OUT_OF_SERVICE_KEY) === true;
  }

  /** Handles one acknowledged heartbeat: fetches an announced configuration, handles delivered commands. Never rejects. */
  async onHeartbeat(ack: HeartbeatAck): Promise<void> {
    if (ack.configVersion !== undefined && ack.configVersion !== this.heldVersion) await this.fetchConfig().catch(() => undefined);
    if (ack.commands && ack.commands.length > 0) await this.handleCommands(ack.commands).catch(() => undefined);
    this.tick();
  }

  /** Applies a held configuration and runs a wanted restart when the terminal is idle; called after each heartbeat and on a timer. */
  tick(): void {
    if (!this.options.isIdle()) return;
    if (this.pending) {
      const { document, config } = this.pending;
      this.pending = null;
      this.options.store.config.set(REMOTE_CONFIG_KEY, { document, version: config.version });
      this.lastGood = config;
      this.options.store.audit.append('fleet.config-applied', { version: config.version });
      this.options.onApplied(config.settings, config.version);
    }
    if (this.restartWanted) {
      this.restartWanted = false;
      this.options.store.audit.append('fleet.restart', { reason: 'restart-when-idle' });
      this.options.handlers.restart();
    }
  }

  /** Fetches the configuration offered now (conditional on the version held) and checks it. Throws the client's errors. */
  async fetchConfig(): Promise<void> {
    const reply = await this.options.client.remoteConfig(this.heldVersion);
    if (reply.notModified || reply.body.document === null) return;
    const lastVersion = Math.max(this.lastGood?.version ?? 0, this.pending?.config.version ?? 0);
    const check = checkRemoteConfig(reply.body.document, { anchor: this.options.anchor, deviceId: this.options.deviceId, lastVersion });
    this.heldVersion = reply.body.version;
    if (!check.ok) {
      this.options.store.config.set(REFUSED_CONFIG_KEY, { version: check.claimed ?? reply.body.version, reason: check.reason, at: new Date().toISOString() });
      this.options.store.audit.append('fleet.config-refused', { version: check.claimed ?? reply.body.version, reason: check.reason, detail: check.detail });
      return;
    }
    this.pending = { document: reply.body.document, config: check.config };
    this.options.store.audit.append('fleet.config-received', { version: check.config.version });
  }

  private seen(): string[] {
    const v = this.options.store.config.get(SEEN_COMMANDS_KEY);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }

  private async handleCommands(delivered: Array<{ ref: number; document: string }>): Promise<void> {
    const acks: CommandAck[] = [];
    for (const { ref, document } of delivered) {
      const seen = new Set(this.seen());
      const check = checkFleetCommand(document, { anchor: this.options.anchor, deviceId: this.options.deviceId, nowMs: this.platformNow(), seen: (id) => seen.has(id) });
      if (!check.ok) {
        const id = typeof check.claimed === 'string' ? check.claimed : null;
        this.options.store.audit.append('fleet.command-refused', { ref, id, reason: check.reason, detail: check.detail });
        acks.push({ ref, id, status: check.reason === 'replayed' ? 'duplicate' : 'refused', reason: check.reason });
        continue;
      }
      const command = check.command;
      // Remembered before it runs: a crash mid-command never runs it twice.
      this.options.store.config.set(SEEN_COMMANDS_KEY, [...seen, command.id].slice(-SEEN_COMMANDS_KEPT));
      try {
        await this.run(command);
        this.options.store.audit.append('fleet.command', { ref, id: command.id, kind: command.kind });
        acks.push({ ref, id: command.id, status: 'done', reason: null });
      } catch (e) {
        this.options.store.audit.append('fleet.command-refused', { ref, id: command.id, reason: 'failed', detail: String((e as Error)?.message ?? e).slice(0, 200) });
        acks.push({ ref, id: command.id, status: 'refused', reason: 'failed' });
      }
    }
    await this.options.client.ackCommands(acks);
  }

  private async run(command: FleetCommandPayload): Promise<void> {
    const kind: FleetCommandKind = command.kind;
    switch (kind) {
      case 'sync-now':
        await this.options.handlers.syncNow();
        return;
      case 'upload-logs':
        await this.options.handlers.uploadLogs(command.id);
        return;
      case 'restart-when-idle':
        this.restartWanted = true;
        return;
      case 'take-out-of-service':
      case 'back-into-service': {
        const out = kind === 'take-out-of-service';
        this.options.store.config.set(REMOTE_OUT_OF_SERVICE_KEY, out);
        this.options.handlers.serviceChanged(out);
        return;
      }
    }
  }
}
