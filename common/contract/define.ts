import type { z } from 'zod';
import type { CallContext } from './connections';
import { isRole, type Role } from './roles';

/** A request/response member of a service: input schema, output schema, and the role that may call it. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, R extends Role = Role> {
  readonly kind: 'method';
  readonly input: I;
  readonly output: O;
  /** Set by {@link service} from the service's declaration. */
  readonly role: R;
}

/** An event member of a service (named `onX` in the service): payload schema, and the role that may receive it. */
export interface EventSpec<P extends z.ZodType = z.ZodType, R extends Role = Role> {
  readonly kind: 'event';
  readonly payload: P;
  /** Set by {@link service} from the service's declaration. */
  readonly role: R;
}

/** A member as {@link method} and {@link event} declare it, before {@link service} binds it to a role. */
export type MemberDeclaration = Omit<MethodSpec, 'role'> | Omit<EventSpec, 'role'>;

/** One service: a record of methods and `onX` events, all bound to the service's role. */
export type ServiceSpec = Record<string, MethodSpec | EventSpec>;

/** The whole contract: service name → service spec. */
export type ContractSpec = Record<string, ServiceSpec>;

/** Declares a request whose payload is validated by `input` and whose result is validated by `output`. */
export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): Omit<MethodSpec<I, O>, 'role'> {
  return { kind: 'method', input, output };
}

/** Declares an event; the member name must start with `on`. */
export function event<P extends z.ZodType>(payload: P): Omit<EventSpec<P>, 'role'> {
  return { kind: 'event', payload };
}

/** The members of `M` bound to role `R`. */
export type BoundService<R extends Role, M extends Record<string, MemberDeclaration>> = {
  [K in keyof M]: M[K] & { readonly role: R };
};

/**
 * Declares a service with the one role that may call its methods and receive
 * its events (`citizen` or `technician`, see `roles.ts`); the dispatcher
 * refuses any other caller with `forbidden` and the hosts push its events
 * only to connections holding the role.
 */
export function service<R extends Role, M extends Record<string, MemberDeclaration>>(role: R, members: M): BoundService<R, M> {
  const bound: Record<string, MethodSpec | EventSpec> = {};
  for (const [name, spec] of Object.entries(members)) bound[name] = Object.freeze({ ...spec, role }) as MethodSpec | EventSpec;
  return Object.freeze(bound) as unknown as BoundService<R, M>;
}

/** True when a member name denotes an event (`onX`); every other member is a method. */
export function isEventMember(member: string): boolean {
  return /^on[A-Z]/.test(member);
}

/**
 * Identity helper that keeps literal types and checks at runtime that events
 * are named onX (and only events are), and that every member of a service is
 * bound to one known role (declare services with {@link service}).
 */
export function defineContract<C extends ContractSpec>(contract: C): C {
  for (const [serviceName, members] of Object.entries(contract)) {
    const roles = new Set<unknown>();
    for (const [member, spec] of Object.entries(members)) {
      if ((spec.kind === 'event') !== isEventMember(member)) {
        throw new Error(`contract ${serviceName}.${member}: events must be named onX and only events may be`);
      }
      if (!isRole(spec.role)) throw new Error(`contract ${serviceName}.${member}: no role (declare the service with service(role, members))`);
      roles.add(spec.role);
    }
    if (roles.size > 1) throw new Error(`contract ${serviceName}: one role per service (got ${[...roles].join(', ')})`);
  }
  return contract;
}

/** Names of the services of `C` declared with role `R`. */
export type ServicesOfRole<C extends ContractSpec, R extends Role> = {
  [S in keyof C]: C[S][keyof C[S]] extends { readonly role: infer SR } ? (R extends SR ? S : never) : never;
}[keyof C];

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
    ? (input: z.output<I>, context: CallContext) => Promise<z.input<O>>
    : never;
};

/** Event names of a service. */
export type EventsOf<S extends ServiceSpec> = {
  [K in keyof S as S[K] extends EventSpec ? K : never]: S[K] extends EventSpec<infer P> ? z.input<P> : never;
};

/**
 * What `main/core` implements: methods receive validated input and the
 * {@link CallContext} (the caller's connection); events are emitted through
 * {@link EventSink}. Transports wrap this into the client shape.
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

/** Every method channel of a contract with its spec (the role is `spec.role`). */
export function listMethods(contract: ContractSpec): Array<{ service: string; member: string; channel: string; spec: MethodSpec }> {
  const out: Array<{ service: string; member: string; channel: string; spec: MethodSpec }> = [];
  for (const [service, members] of Object.entries(contract)) {
    for (const [member, spec] of Object.entries(members)) {
      if (spec.kind === 'method') out.push({ service, member, channel: channelName(service, member), spec });
    }
  }
  return out;
}

/** Every event channel of a contract with its spec (the role is `spec.role`). */
export function listEvents(contract: ContractSpec): Array<{ service: string; member: string; channel: string; spec: EventSpec }> {
  const out: Array<{ service: string; member: string; channel: string; spec: EventSpec }> = [];
  for (const [service, members] of Object.entries(contract)) {
    for (const [member, spec] of Object.entries(members)) {
      if (spec.kind === 'event') out.push({ service, member, channel: channelName(service, member), spec });
    }
  }
  return out;
}
