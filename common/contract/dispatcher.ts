import { ConnectionRegistry, IN_PROCESS_CONNECTION, type CallContext, type ContractConnection } from './connections';
import { listEvents, listMethods, type ContractSpec, type EventSpec, type ImplementationOf, type MethodSpec } from './define';
import { KioskError, type KioskErrorPayload, type Result } from './errors';

/** Options of {@link ContractDispatcher}. */
export interface ContractDispatcherOptions {
  /** The connection table; default a new one. */
  connections?: ConnectionRegistry;
}

/**
 * Host side of a transport: checks the caller's role, validates each request
 * against the contract, calls the implementation, validates the result, and
 * wraps it in a {@link Result}. Never throws.
 *
 * Order of the checks, and why: unknown channel → `invalid-payload`; a
 * connection that is closed or not this dispatcher's own → `forbidden`; a
 * service whose role the connection does not hold → `forbidden` with
 * `detail.role`, BEFORE the payload is looked at (a caller without the role
 * learns nothing about the method's input, and nothing in the payload can
 * change the answer); invalid payload → `invalid-payload`; a result that
 * breaks its schema → `internal` (the implementation is wrong, the client
 * must not see it).
 *
 * Roles belong to the connection the HOST passes (see `connections.ts`);
 * {@link ContractDispatcher.connections} is where hosts open, grant and close
 * them.
 */
export class ContractDispatcher<C extends ContractSpec> {
  private readonly methods = new Map<string, { service: string; member: string; spec: MethodSpec }>();
  private readonly events = new Map<string, { spec: EventSpec }>();
  /** Open connections and their roles. */
  readonly connections: ConnectionRegistry;

  constructor(
    contract: C,
    private readonly implementation: ImplementationOf<C>,
    options: ContractDispatcherOptions = {},
  ) {
    for (const m of listMethods(contract)) this.methods.set(m.channel, m);
    for (const e of listEvents(contract)) this.events.set(e.channel, e);
    this.connections = options.connections ?? new ConnectionRegistry();
  }

  /** True when `channel` names a method of the contract. */
  hasMethod(channel: string): boolean {
    return this.methods.has(channel);
  }

  /**
   * Handles one request made on `connection`. Without a connection the call
   * is made as {@link IN_PROCESS_CONNECTION} (citizen only): for in-process
   * callers; hosts always pass the client's connection.
   */
  async handle(channel: string, payload: unknown, connection: ContractConnection = IN_PROCESS_CONNECTION): Promise<Result<unknown>> {
    const entry = this.methods.get(channel);
    if (!entry) return { ok: false, error: { code: 'invalid-payload', message: `unknown channel ${JSON.stringify(channel).slice(0, 80)}` } };
    const refusal = this.refusal(channel, entry.spec.role, connection);
    if (refusal) return { ok: false, error: refusal };
    const parsed = entry.spec.input.safeParse(payload ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid-payload', message: `invalid payload for ${channel}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ').slice(0, 300)}` } };
    }
    const service = (this.implementation as Record<string, Record<string, (input: unknown, context: CallContext) => Promise<unknown>>>)[entry.service];
    const fn = service?.[entry.member];
    if (typeof fn !== 'function') return { ok: false, error: { code: 'internal', message: `${channel} is not implemented` } };
    let value: unknown;
    try {
      value = await fn.call(service, parsed.data, { connection });
    } catch (e) {
      return { ok: false, error: KioskError.from(e).toPayload() };
    }
    const checked = entry.spec.output.safeParse(value);
    if (!checked.success) return { ok: false, error: { code: 'internal', message: `${channel} produced an invalid result` } };
    return { ok: true, value: checked.data };
  }

  /**
   * Validates an outgoing event for one receiving connection; returns the
   * parsed payload, or `{ok: false}` when the channel is unknown, the payload
   * breaks its schema (dropped, so a bug in main can never push malformed or
   * extra data to a client), or the connection does not hold the role of the
   * event's service (technician events never reach a citizen connection).
   * Without a connection the receiver is {@link IN_PROCESS_CONNECTION}.
   */
  checkEvent(channel: string, payload: unknown, connection: ContractConnection = IN_PROCESS_CONNECTION): { ok: true; payload: unknown } | { ok: false } {
    const entry = this.events.get(channel);
    if (!entry || !this.mayReceive(channel, connection)) return { ok: false };
    const parsed = entry.spec.payload.safeParse(payload);
    return parsed.success ? { ok: true, payload: parsed.data } : { ok: false };
  }

  /**
   * True when `connection` is open, this dispatcher's own, and may receive the
   * event `channel` (holds its service's role). The role part of
   * {@link checkEvent}, for hosts that hold checked events while a
   * connection changes (a navigation in Electron).
   */
  mayReceive(channel: string, connection: ContractConnection = IN_PROCESS_CONNECTION): boolean {
    const entry = this.events.get(channel);
    return entry !== undefined && this.refusal(channel, entry.spec.role, connection) === null;
  }

  /** The `forbidden` error for a caller that may not use `channel`, or null. */
  private refusal(channel: string, role: MethodSpec['role'], connection: ContractConnection): KioskErrorPayload | null {
    if (connection !== IN_PROCESS_CONNECTION && !this.connections.owns(connection)) {
      return { code: 'forbidden', message: `${channel}: the connection is closed` };
    }
    if (!connection.has(role)) return { code: 'forbidden', message: `${channel} needs the ${role} role`, detail: { role } };
    return null;
  }
}

/**
 * What a host (the web host, the Electron IPC host) needs of a dispatcher:
 * satisfied by {@link ContractDispatcher} in process and by the shell's
 * stand-in for a core in its own process (`main/supervisor/remote-core.ts`).
 */
export type HostDispatcher<C extends ContractSpec> = Pick<ContractDispatcher<C>, 'handle' | 'checkEvent' | 'mayReceive'> & {
  readonly connections: Pick<ConnectionRegistry, 'open' | 'close'>;
};
