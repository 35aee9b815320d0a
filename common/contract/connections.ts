import { KioskError } from './errors';
import { BASE_ROLE, type Role } from './roles';

/**
 * Roles are bound to connections, and connections belong to the host.
 *
 * A {@link ContractConnection} is one client of the contract as the HOST sees
 * it: one renderer document behind one Electron IPC sender
 * (`main/electron/ipc.ts`: a main-frame navigation ends it and opens a new
 * one), or one WebSocket (`main/web/web-host.ts`: a reload is a new socket,
 * so a new connection). The host opens it with {@link ConnectionRegistry.open}
 * and passes it with every call to `ContractDispatcher.handle` and every
 * event to `ContractDispatcher.checkEvent`. Nothing a client sends names a
 * connection or a role: not the payload, not extra message fields, not the
 * channel. A new connection holds `citizen` only; `technician` is added by a
 * host-side call, {@link ConnectionRegistry.grant}, after the host (or the
 * core, from a contract method's {@link CallContext}) has checked a
 * credential.
 *
 * The hop to a core in its own process (utilityProcess or Node child, talking
 * to the shell over a message port with the same contract): the registry and
 * the dispatcher live in the CORE process. The shell opens one connection per
 * IPC sender by asking the core over the port (`open` → the core answers with
 * `connection.id`), keeps the id next to the webContents it belongs to, and
 * forwards each call as `{connectionId, channel, payload}` with the id IT
 * holds for that sender, never one taken from the renderer; the core's port
 * server resolves the id with {@link ConnectionRegistry.get} (unknown or
 * closed id → `forbidden`) and dispatches with that connection, so the roles
 * are looked up where they are kept. Events travel back tagged with the
 * connection ids the core's `checkEvent` allowed. The port itself is the
 * trust boundary: only the shell holds it. Ids start with a random tag per
 * registry, so after a core restart the shell's old ids are unknown (every
 * grant is gone with the old core) and it must open new connections.
 */
export interface ContractConnection {
  /** Opaque id, unique within its registry and never reused (`<registry tag>-<n>`). Not a secret: only hosts see it. */
  readonly id: string;
  /** Which host opened it, for logs: `ipc`, `websocket`, `port`, `test`… No personal data. */
  readonly transport: string;
  /** True when the connection is open and holds `role`. */
  has(role: Role): boolean;
  /** The roles held now (`citizen` first); empty once closed. */
  roles(): Role[];
  /** False once the host closed it; calls on a closed connection are refused with `forbidden`. */
  isOpen(): boolean;
}

/** What a contract method receives besides its validated input. */
export interface CallContext {
  /** The connection the call came in on (the in-process citizen for calls without one). */
  readonly connection: ContractConnection;
}

/**
 * The caller of in-process calls made without a connection (the shell's idle
 * check, tests, benches): `citizen` only, belongs to no registry, so no role
 * can ever be granted to it.
 */
export const IN_PROCESS_CONNECTION: ContractConnection = Object.freeze({
  id: 'in-process',
  transport: 'in-process',
  has: (role: Role) => role === BASE_ROLE,
  roles: (): Role[] => [BASE_ROLE],
  isOpen: () => true,
});

/** Options of {@link ConnectionRegistry}. */
export interface ConnectionRegistryOptions {
  /** Prefix of every id; default a random 8-character tag (so ids of an earlier registry are never valid in this one). */
  tag?: string;
}

/**
 * The host-side table of open connections and their roles (one per
 * dispatcher: `ContractDispatcher.connections`). Only code holding the
 * registry can open, grant, revoke or close; a {@link ContractConnection}
 * handed to a transport is a read-only view.
 */
export class ConnectionRegistry {
  private readonly granted = new Map<string, Set<Role>>();
  private readonly views = new Map<string, ContractConnection>();
  private readonly tag: string;
  private next = 1;

  constructor(options: ConnectionRegistryOptions = {}) {
    // Not a secret (ids cross only host-owned channels): Math.random is enough to tell registries apart.
    this.tag = options.tag ?? Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  }

  /** Opens a connection holding `citizen` only. `transport` names the host for logs. */
  open(transport: string): ContractConnection {
    const id = `${this.tag}-${this.next++}`;
    const roles = new Set<Role>([BASE_ROLE]);
    this.granted.set(id, roles);
    const view: ContractConnection = Object.freeze({
      id,
      transport,
      has: (role: Role) => this.granted.get(id)?.has(role) ?? false,
      roles: (): Role[] => [...(this.granted.get(id) ?? [])],
      isOpen: () => this.granted.has(id),
    });
    this.views.set(id, view);
    return view;
  }

  /** The open connection with this id, or undefined (unknown, closed, or from another registry). */
  get(id: string): ContractConnection | undefined {
    return this.views.get(id);
  }

  /** True when `connection` is this registry's own view of an open connection (not a look-alike object). */
  owns(connection: ContractConnection): boolean {
    return this.views.get(connection.id) === connection;
  }

  /**
   * Grants `role` to the open connection `id` (host side only: the caller
   * has checked whatever credential the role needs). Idempotent. Throws
   * KioskError `not-found` when no open connection has that id.
   */
  grant(id: string, role: Role): void {
    this.rolesOf(id).add(role);
  }

  /**
   * Takes `role` away from the open connection `id` (e.g. the technician
   * locks the terminal again). Idempotent. Throws KioskError `not-found` for
   * an unknown id and `invalid-payload` for `citizen`, which every open
   * connection holds (close the connection instead).
   */
  revoke(id: string, role: Role): void {
    if (role === BASE_ROLE) throw new KioskError('invalid-payload', `the ${BASE_ROLE} role cannot be revoked; close the connection`);
    this.rolesOf(id).delete(role);
  }

  /** Forgets the connection and its roles (socket closed, page navigated, sender gone). Idempotent. */
  close(id: string): void {
    this.granted.delete(id);
    this.views.delete(id);
  }

  /** The open connections, oldest first. */
  list(): ContractConnection[] {
    return [...this.views.values()];
  }

  private rolesOf(id: string): Set<Role> {
    const roles = this.granted.get(id);
    if (!roles) throw new KioskError('not-found', `no open connection ${JSON.stringify(id).slice(0, 80)}`);
    return roles;
  }
}
