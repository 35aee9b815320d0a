import { listMethods, type ApiOf, type ContractSpec } from '../../common/contract/define';
import { KioskError } from '../../common/contract/errors';

/**
 * Makes a typed client safe to pass through `contextBridge`: the bridge
 * copies thrown errors without custom properties (the `code` would be lost),
 * so each method's rejection becomes a plain `{code, message, detail?}`
 * object, which the bridge copies intact. The renderer's `getKioskApi()` turns
 * it back into a `KioskError`. Events and results pass unchanged.
 */
export function toBridgeApi<C extends ContractSpec>(contract: C, api: ApiOf<C>): ApiOf<C> {
  const methods = new Set(listMethods(contract).map((m) => `${m.service}:${m.member}`));
  const out: Record<string, Record<string, unknown>> = {};
  for (const [service, members] of Object.entries(api as Record<string, Record<string, (arg: unknown) => unknown>>)) {
    const wrapped: Record<string, unknown> = {};
    for (const [member, fn] of Object.entries(members)) {
      wrapped[member] = methods.has(`${service}:${member}`)
        ? (input: unknown) => (fn(input) as Promise<unknown>).catch((e: unknown) => Promise.reject(KioskError.from(e).toPayload()))
        : fn;
    }
    out[service] = wrapped;
  }
  return out as ApiOf<C>;
}
