import { IN_PROCESS_CONNECTION, type ContractConnection } from '../../common/contract/connections';
import { listEvents } from '../../common/contract/define';
import type { Result } from '../../common/contract/errors';
import type { AnyEventListener } from '../../common/contract/event-hub';
import { kioskContract } from '../../common/contract/kiosk-contract';
import type { Role } from '../../common/contract/roles';
import type { ServiceState } from '../../common/contract/schemas';
import { CoreToShellSchema, type CoreToShell } from '../core/process/core-port-protocol';
import type { CoreProcess } from './core-process';

/** What a call on a core that is not running is answered with (`detail.reason`). */
export const CORE_UNAVAILABLE = 'core-unavailable';

const SERVICE_STATE_CHANNEL = 'system:serviceState';
const SERVICE_EVENT_CHANNEL = 'system:onServiceState';
const eventRoles = new Map(listEvents(kioskContract).map((e) => [e.channel, e.spec.role]));

interface ShellConnection {
  view: ContractConnection;
  open: boolean;
  /** The core generation this connection belongs to (null until its first call). */
  generation: number | null;
  /** The core's connection id, once the core answered `opened`. */
  coreId: string | null;
  opening: Promise<string | null> | null;
}

interface Link {
  generation: number;
  process: CoreProcess;
  pending: Map<number, (message: CoreToShell) => void>;
  off: () => void;
}

/**
 * The shell's side of a core that runs in its own process: it stands where
 * the in-process `ContractDispatcher` and `EventHub` stood, so the web host
 * and the Electron IPC host carry the contract unchanged (`dispatcher`:
 * `connections.open/close`, `handle`, `checkEvent`, `mayReceive`; `events`:
 * `subscribe`).
 *
 * Connections: the shell gives each transport connection its own id and
 * opens a connection in the core's registry on its first call; the id the
 * core answered is kept here, never taken from a client. Roles live in the
 * core: calls the core refuses come back `forbidden` from its dispatcher;
 * events come tagged with the connection ids the core allowed.
 *
 * Core restarts: a connection belongs to the core that was running at its
 * first call. After that core is gone, its calls are answered `internal`
 * with `detail.reason` {@link CORE_UNAVAILABLE} (never run on the new core,
 * which knows nothing of that page's session) and the page is told through
 * `system:onServiceState`; a page that reloads opens a fresh connection.
 * While no core runs, `system:serviceState` is answered here (the shell's
 * state); calls in flight when the core dies are answered like the others.
 */
export class RemoteCore {
  private link: Link | null = null;
  private generation = 0;
  private nextRef = 1;
  private nextConnection = 1;
  private readonly records = new Map<string, ShellConnection>();
  private readonly listeners = new Set<AnyEventListener>();
  /** Set while one event is delivered: who may receive it (`all`: an event the shell raises). */
  private delivering: Set<string> | 'all' | null = null;
  private state: ServiceState = { inService: false, reason: 'core-restarting' };
  private readonly callListeners = new Set<(channel: string) => void>();

  /** Subscribes to every call a page makes (the idle rule counts them as activity); returns an unsubscribe function. */
  onCall(listener: (channel: string) => void): () => void {
    this.callListeners.add(listener);
    return () => void this.callListeners.delete(listener);
  }

  /** The connection table as the hosts use it (open / close; roles are the core's). */
  readonly connections = {
    open: (transport: string): ContractConnection => this.openConnection(transport),
    close: (id: string): void => this.closeConnection(id),
  };

  /** Events of the core (and the shell's service-state events) as the hosts subscribe to them. */
  readonly events = {
    subscribe: (listener: AnyEventListener): (() => void) => {
      this.listeners.add(listener);
      return () => void this.listeners.delete(listener);
    },
  };

  /** The service state as the shell sees it (the core's own `no-catalogue` is answered by the core). */
  serviceState(): ServiceState {
    return this.state;
  }

  /** True while a core is attached. */
  isAttached(): boolean {
    return this.link !== null;
  }

  /**
   * Starts using a core that said `ready`: new calls go to it, its events are
   * delivered, and every page is told its service state (asked from the core,
   * so a core without a catalogue says `no-catalogue`).
   */
  attach(process: CoreProcess): void {
    this.detach(this.state.inService ? { inService: false, reason: 'core-restarting' } : this.state, false);
    const generation = ++this.generation;
    const pending = new Map<number, (message: CoreToShell) => void>();
    const off = process.onMessage((raw) => {
      if (this.link?.generation !== generation) return;
      const parsed = CoreToShellSchema.safeParse(raw);
      if (!parsed.success) return;
      const m = parsed.data;
      if (m.t === 'event') return this.deliverCoreEvent(generation, m.channel, m.payload, m.to);
      if ('ref' in m) {
        const answer = pending.get(m.ref);
        pending.delete(m.ref);
        answer?.(m);
      }
    });
    this.link = { generation, process, pending, off };
    this.state = { inService: true, reason: null };
    void this.handle(SERVICE_STATE_CHANNEL, {}, IN_PROCESS_CONNECTION).then((r) => {
      if (this.link?.generation !== generation) return;
      this.raiseServiceState(r.ok ? (r.value as ServiceState) : { inService: true, reason: null });
    });
  }

  /**
   * Stops using the current core (it exited, or is being replaced): calls in
   * flight and later calls on its connections are answered
   * {@link CORE_UNAVAILABLE}, and every page is told `state`.
   */
  detach(state: ServiceState, announce = true): void {
    const link = this.link;
    this.link = null;
    this.state = state;
    if (link) {
      link.off();
      for (const [ref, answer] of link.pending) answer({ t: 'result', ref, result: unavailable('the kiosk core stopped') });
      link.pending.clear();
    }
    if (announce) this.raiseServiceState(state);
  }

  /** Routes an extra request to the core (simulator controls); rejects when no core runs or the route fails. */
  async route(method: 'GET' | 'POST', path: string, body: unknown): Promise<unknown> {
    const answer = await this.request((ref) => ({ t: 'route', ref, method, path, body }));
    if (!answer || answer.t !== 'routed') throw new Error('the kiosk core is not running');
    if (!answer.ok) throw new Error(String((answer.value as { error?: unknown } | null)?.error ?? 'route failed'));
    return answer.value;
  }

  /** Handles one call made on `connection` (a connection this object opened, or the in-process citizen). Never throws. */
  async handle(channel: string, payload: unknown, connection: ContractConnection = IN_PROCESS_CONNECTION): Promise<Result<unknown>> {
    const inProcess = connection === IN_PROCESS_CONNECTION;
    if (!inProcess) for (const l of [...this.callListeners]) l(channel);
    const record = inProcess ? null : this.records.get(connection.id);
    if (!inProcess && (!record || record.view !== connection || !record.open)) {
      return { ok: false, error: { code: 'forbidden', message: `${channel.slice(0, 100)}: the connection is closed` } };
    }
    const link = this.link;
    if (!link) {
      if (channel === SERVICE_STATE_CHANNEL) return { ok: true, value: this.state };
      return unavailable('the kiosk core is not running');
    }
    let coreId: string | null = null;
    if (record) {
      if (record.generation === null) record.generation = link.generation;
      if (record.generation !== link.generation) return unavailable('the kiosk core was restarted');
      record.opening ??= this.request((ref) => ({ t: 'open', ref, transport: record.view.transport })).then((m) => {
        const id = m?.t === 'opened' ? m.connectionId : null;
        record.coreId = id;
        if (id && !record.open) this.link?.process.send({ t: 'close', connectionId: id });
        return id;
      });
      coreId = await record.opening;
      if (!coreId || this.link?.generation !== record.generation) return unavailable('the kiosk core was restarted');
    }
    const answer = await this.request((ref) => ({ t: 'call', ref, connectionId: coreId, channel, payload }));
    return answer?.t === 'result' ? (answer.result as Result<unknown>) : unavailable('the kiosk core stopped');
  }

  /**
   * Whether the event being delivered now may go to `connection` (the core's
   * dispatcher decided; the shell's own service-state events go to every open
   * connection). Outside a delivery nothing is allowed.
   */
  checkEvent(channel: string, payload: unknown, connection: ContractConnection = IN_PROCESS_CONNECTION): { ok: true; payload: unknown } | { ok: false } {
    const allowed = this.delivering;
    if (allowed === null || !this.isOpenConnection(connection)) return { ok: false };
    if (allowed === 'all' || allowed.has(connection.id)) return { ok: true, payload };
    return { ok: false };
  }

  /** True when `connection` is open and its role may receive `channel` (a shell connection holds `citizen` only). */
  mayReceive(channel: string, connection: ContractConnection = IN_PROCESS_CONNECTION): boolean {
    const role = eventRoles.get(channel);
    return role !== undefined && this.isOpenConnection(connection) && connection.has(role);
  }

  private isOpenConnection(connection: ContractConnection): boolean {
    if (connection === IN_PROCESS_CONNECTION) return true;
    const record = this.records.get(connection.id);
    return record !== undefined && record.view === connection && record.open;
  }

  private openConnection(transport: string): ContractConnection {
    const id = `shell-${this.nextConnection++}`;
    const view: ContractConnection = Object.freeze({
      id,
      transport,
      has: (role: Role) => role === 'citizen' && (this.records.get(id)?.open ?? false),
      roles: (): Role[] => (this.records.get(id)?.open ? ['citizen'] : []),
      isOpen: () => this.records.get(id)?.open ?? false,
    });
    this.records.set(id, { view, open: true, generation: null, coreId: null, opening: null });
    return view;
  }

  private closeConnection(id: string): void {
    const record = this.records.get(id);
    if (!record) return;
    record.open = false;
    this.records.delete(id);
    if (record.coreId && this.link && this.link.generation === record.generation) this.link.process.send({ t: 'close', connectionId: record.coreId });
  }

  /** Sends a request to the current core and waits for its answer; null when no core runs or it stops first. */
  private request(build: (ref: number) => Parameters<CoreProcess['send']>[0]): Promise<CoreToShell | null> {
    const link = this.link;
    if (!link) return Promise.resolve(null);
    const ref = this.nextRef++;
    return new Promise((resolve) => {
      link.pending.set(ref, resolve);
      link.process.send(build(ref));
    });
  }

  private deliverCoreEvent(generation: number, channel: string, payload: unknown, to: string[]): void {
    const coreIds = new Set(to);
    const allowed = new Set<string>();
    for (const [id, record] of this.records) if (record.open && record.generation === generation && record.coreId && coreIds.has(record.coreId)) allowed.add(id);
    if (channel === SERVICE_EVENT_CHANNEL) this.state = payload as ServiceState;
    this.deliver(channel, payload, allowed);
  }

  private raiseServiceState(state: ServiceState): void {
    this.state = state;
    this.deliver(SERVICE_EVENT_CHANNEL, state, 'all');
  }

  private deliver(channel: string, payload: unknown, allowed: Set<string> | 'all'): void {
    this.delivering = allowed;
    try {
      for (const listener of [...this.listeners]) {
        try {
          listener(channel, payload);
        } catch {
          // One failing transport must not stop delivery to the others.
        }
      }
    } finally {
      this.delivering = null;
    }
  }
}

function unavailable(message: string): { ok: false; error: { code: 'internal'; message: string; detail: { reason: string } } } {
  return { ok: false, error: { code: 'internal', message, detail: { reason: CORE_UNAVAILABLE } } };
}
