import { listEvents, listMethods, type ContractSpec, type ImplementationOf, type MethodSpec } from './define';
import { KioskError, type Result } from './errors';

/**
 * Host side of a transport: validates each request against the contract,
 * calls the implementation, validates the result, and wraps it in a
 * {@link Result}. Unknown channels and invalid payloads become
 * `invalid-payload` errors; a result that breaks its schema becomes `internal`
 * (the implementation is wrong, the renderer must not see it). Never throws.
 */
export class ContractDispatcher<C extends ContractSpec> {
  private readonly methods = new Map<string, { service: string; member: string; spec: MethodSpec }>();
  private readonly events = new Map<string, { spec: import('./define').EventSpec }>();

  constructor(
    contract: C,
    private readonly implementation: ImplementationOf<C>,
  ) {
    for (const m of listMethods(contract)) this.methods.set(m.channel, m);
    for (const e of listEvents(contract)) this.events.set(e.channel, e);
  }

  /** True when `channel` names a method of the contract. */
  hasMethod(channel: string): boolean {
    return this.methods.has(channel);
  }

  /** Handles one request. */
  async handle(channel: string, payload: unknown): Promise<Result<unknown>> {
    const entry = this.methods.get(channel);
    if (!entry) return { ok: false, error: { code: 'invalid-payload', message: `unknown channel ${JSON.stringify(channel).slice(0, 80)}` } };
    const parsed = entry.spec.input.safeParse(payload ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid-payload', message: `invalid payload for ${channel}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ').slice(0, 300)}` } };
    }
    const service = (this.implementation as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)[entry.service];
    const fn = service?.[entry.member];
    if (typeof fn !== 'function') return { ok: false, error: { code: 'internal', message: `${channel} is not implemented` } };
    let value: unknown;
    try {
      value = await fn.call(service, parsed.data);
    } catch (e) {
      return { ok: false, error: KioskError.from(e).toPayload() };
    }
    const checked = entry.spec.output.safeParse(value);
    if (!checked.success) return { ok: false, error: { code: 'internal', message: `${channel} produced an invalid result` } };
    return { ok: true, value: checked.data };
  }

  /**
   * Validates an outgoing event payload; returns the parsed payload or null
   * when the channel is unknown or the payload breaks its schema (dropped, so
   * a bug in main can never push malformed or extra data to the renderer).
   */
  checkEvent(channel: string, payload: unknown): { ok: true; payload: unknown } | { ok: false } {
    const entry = this.events.get(channel);
    if (!entry) return { ok: false };
    const parsed = entry.spec.payload.safeParse(payload);
    return parsed.success ? { ok: true, payload: parsed.data } : { ok: false };
  }
}
