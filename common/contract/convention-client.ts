import type { ClientTransport } from './client';
import { channelName, isEventMember, type ApiOf, type ContractSpec } from './define';
import { KioskError } from './errors';

/**
 * Names a service or member may have: an identifier starting lower-case, and
 * not `then` (so neither the API nor a service is ever taken for a promise).
 */
const MEMBER_NAME = /^(?!then$)[a-z][A-Za-z0-9]*$/;

/**
 * Builds the typed client API over any transport from the contract's TYPE
 * alone, by the naming rule `defineContract` enforces (members named `onX` are
 * events, all others are methods), so the caller loads no schema library.
 * Methods resolve with the host's value or reject with {@link KioskError};
 * events take a listener and return an unsubscribe function.
 *
 * Unlike `createContractClient`, results and events are NOT re-validated on
 * arrival: use it only where the host validates every output and event
 * against the contract before sending (the dispatcher and event hub in
 * `common/contract` do). A member that is not in the contract becomes a call
 * or subscription on a channel the host does not know: calls reject with the
 * host's error, subscriptions never fire.
 */
export function createConventionClient<C extends ContractSpec>(transport: ClientTransport): ApiOf<C> {
  const services = new Map<string, Record<string, unknown>>();
  const serviceApi = (service: string): Record<string, unknown> => {
    const members = new Map<string, unknown>();
    return new Proxy(Object.freeze({}) as Record<string, unknown>, {
      get(_target, member) {
        if (typeof member !== 'string' || !MEMBER_NAME.test(member)) return undefined;
        let fn = members.get(member);
        if (fn) return fn;
        const channel = channelName(service, member);
        fn = isEventMember(member)
          ? (listener: (payload: unknown) => void) => transport.subscribe(channel, listener)
          : async (input: unknown) => {
              const result = await transport.call(channel, input ?? {});
              if (!result.ok) throw KioskError.fromPayload(result.error);
              return result.value;
            };
        members.set(member, fn);
        return fn;
      },
    });
  };
  return new Proxy(Object.freeze({}) as ApiOf<C>, {
    get(_target, service) {
      if (typeof service !== 'string' || !MEMBER_NAME.test(service)) return undefined;
      let api = services.get(service);
      if (!api) services.set(service, (api = serviceApi(service)));
      return api;
    },
  });
}
