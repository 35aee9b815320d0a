import type { z } from 'zod';

/** A request/response member of a service: input schema and output schema. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly kind: 'method';
  readonly input: I;
  readonly output: O;
}

/** An event member of a service (named `onX` in the service): payload schema. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly kind: 'event';
  readonly payload: P;
}

/** One service: a record of methods and `onX` events. */
export type ServiceSpec = Record<string, MethodSpec | EventSpec>;

/** The whole contract: service name → service spec. */
export type ContractSpec = Record<string, ServiceSpec>;

/** Declares a request whose payload is validated by `input` and whose result is validated by `output`. */
export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> {
  return { kind: 'method', input, output };
}

/** Declares an event; the member name must start with `on`. */
export function event<P extends z.ZodType>(payload: P): EventSpec<P> {
  return { kind: 'event', payload };
}

/** True when a member name denotes an event (`onX`); every other member is a method. */
export function isEventMember(member: string): boolean {
  return /^on[A-Z]/.test(member);
}

/** Identity helper that keeps literal types and checks event naming at runtime. */
export function defineContract<C extends ContractSpec>(contract: C): C {
  for (const [serviceName, service] of Object.entries(contract)) {
    for (const [member, spec] of Object.entries(service)) {
      if ((spec.kind === 'event') !== isEventMember(member)) {
        throw new Error(`contract ${serviceName}.${member}: events must be named onX and only events may be`);
      }
    }
  }
  return contract;
}

/** Removes an event listener. Calling it twice is harmless. */
export type Unsubscribe = () => void;

/** The client-facing shape of one service: methods return promises, events take listeners. */
export type ServiceApi<S extends ServiceSpec> = {
  [K in keyof S]: S[K] extends MethodSpec<infer I, infer O>
    ? (input: z.input<I>) => Promise<z.output<O>>
    : S[K] extends EventSpec<infer P>
      ? (listener: (payload: z.output<P>) => void) => Unsubscribe
      : never;
};

/** The client-facing shape of a whole contract. */
export type ApiOf<C extends ContractSpec> = { [S in keyof C]: ServiceApi<C[S]> };

/** Method members only, for implementations. */
export type MethodsOf<S extends ServiceSpec> = {
  [K in keyof S as S[K] extends MethodSpec ? K : never]: S[K] extends MethodSpec<infer I, infer O>
    ? (input: z.output<I>) => Promise<z.input<O>>
    : never;
};

/** Event names of a service. */
export type EventsOf<S extends ServiceSpec> = {
  [K in keyof S as S[K] extends EventSpec ? K : never]: S[K] extends EventSpec<infer P> ? z.input<P> : never;
};

/**
 * What `main/core` implements: methods receive validated input; events are
 * emitted through {@link EventSink}. Transports wrap this into the client shape.
 */
export type ImplementationOf<C extends ContractSpec> = { [S in keyof C]: MethodsOf<C[S]> };

/** A sink for events raised by the implementation, keyed `service` and `onX`. */
export interface EventSink<C extends ContractSpec> {
  emit<S extends keyof C & string, E extends keyof EventsOf<C[S]> & string>(
    service: S,
    eventName: E,
    payload: EventsOf<C[S]>[E],
  ): void;
}

/** Channel name for a method or event: `service:member` (e.g. `session:start`, `session:onChanged`). */
export function channelName(service: string, member: string): string {
  return `${service}:${member}`;
}

/** Every method channel of a contract with its spec. */
export function listMethods(contract: ContractSpec): Array<{ service: string; member: string; channel: string; spec: MethodSpec }> {
  const out: Array<{ service: string; member: string; channel: string; spec: MethodSpec }> = [];
  for (const [service, members] of Object.entries(contract)) {
    for (const [member, spec] of Object.entries(members)) {
      if (spec.kind === 'method') out.push({ service, member, channel: channelName(service, member), spec });
    }
  }
  return out;
}

/** Every event channel of a contract with its spec. */
export function listEvents(contract: ContractSpec): Array<{ service: string; member: string; channel: string; spec: EventSpec }> {
  const out: Array<{ service: string; member: string; channel: string; spec: EventSpec }> = [];
  for (const [service, members] of Object.entries(contract)) {
    for (const [member, spec] of Object.entries(members)) {
      if (spec.kind === 'event') out.push({ service, member, channel: channelName(service, member), spec });
    }
  }
  return out;
}
