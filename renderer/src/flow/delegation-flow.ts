import type { FlowSetup } from './flow-setup';
import { assign, fromPromise } from 'xstate';
import type { DelegationRelation, DelegationView } from '../../../common/contract/delegation-schemas';
import type { KioskApi } from '../../../common/contract/kiosk-contract';
import type { ServiceDetail } from '../../../common/contract/schemas';
import { delegationServiceRefusal, type DelegationServiceRefusal } from '../../../common/domain/delegation-rules';
import { flowAssign, stateConfig } from './flow-config';
import type { FlowContext, FlowEvent } from './flow-types';

/** Actors of the delegation sub-flow (代办): each a `delegation.*` call answering the new view. */
export const delegationActors = {
  delegationStart: fromPromise<DelegationView, { api: KioskApi; route: 'card' | 'authorisation' }>(({ input }) => input.api.delegation.start({ route: input.route })),
  delegationAuthorise: fromPromise<DelegationView, { api: KioskApi; token: string }>(({ input }) => input.api.delegation.useAuthorisation({ token: input.token })),
  delegationGuardian: fromPromise<DelegationView, { api: KioskApi; childIdNumber: string; relation: 'parent' | 'other-relative' }>(({ input }) =>
    input.api.delegation.checkGuardian({ childIdNumber: input.childIdNumber, relation: input.relation }),
  ),
  delegationRelation: fromPromise<DelegationView, { api: KioskApi; relation: DelegationRelation }>(({ input }) => input.api.delegation.setRelation({ relation: input.relation })),
  delegationStop: fromPromise<DelegationView, { api: KioskApi }>(({ input }) => input.api.delegation.stop({})),
};

/** True while the person acts for someone else and the principal is known (the banner, the guide's check). */
export const isDelegating = (context: Pick<FlowContext, 'delegation'>): boolean => context.delegation?.state === 'ready';

/**
 * Why the service on screen cannot be applied for under the current
 * delegation (not delegable, outside the authorisation, authorisation
 * expired); null when not delegating or allowed.
 */
export function serviceRefusalOf(context: Pick<FlowContext, 'delegation'>, service: ServiceDetail | null): DelegationServiceRefusal | null {
  const d = context.delegation;
  if (!service || d?.state !== 'ready') return null;
  return delegationServiceRefusal(service, d.services && d.expiresAt ? { services: d.services, expiresAt: d.expiresAt } : null, new Date());
}

/** The guide's 开始办理 while delegating, for a service the delegation may not be used for: the plain reason instead of the form. */
export const refuseForDelegation = {
  guard: ({ context }: { context: FlowContext }) => serviceRefusalOf(context, context.service) !== null,
  target: '#kiosk.session.delegationRefused',
} as const;

/** The core reports the principal known (card read, authorisation accepted). */
const principalReady = ({ event }: { event: FlowEvent }): boolean => event.type === 'DELEGATION_CHANGED' && event.delegation.state === 'ready';

/** While waiting for the principal: every view kept, and on to the relation once the principal is known. */
const followPrincipal = [
  { guard: principalReady, target: 'relation', actions: flowAssign({ delegation: ({ event }) => (event.type === 'DELEGATION_CHANGED' ? event.delegation : null) }) },
  { actions: flowAssign({ delegation: ({ event }) => (event.type === 'DELEGATION_CHANGED' ? event.delegation : null) }) },
] as const;

/**
 * 为家人/他人办理, after the agent identified themselves (welcome → delegation
 * → home): choose how the principal is identified (their card on the reader;
 * the authorisation QR of their phone, scanned; or, for a child under 14, the
 * child's ID number and the household relation), then the relation; every
 * refusal stays on its step with the reason (`delegation.refusal`). The guide
 * refuses a service the delegation does not cover (`delegationRefused`).
 */
/**
 * A state config of the flow, as broad as its setup allows. Annotated because
 * the inferred type of {@link delegationStates} is too long for the
 * compiler's declaration output (TS7056).
 */
type FlowStateConfig = Parameters<FlowSetup['createStateConfig']>[0];

export const delegationStates: Record<'delegation' | 'delegationRefused' | 'delegationStopping', FlowStateConfig> = {
  delegation: stateConfig({
    initial: 'route',
    on: {
      // 不代办了: back to applying for oneself.
      DELEGATE_STOP: '.stopping',
      DELEGATION_CHANGED: { actions: assign({ delegation: ({ event }) => event.delegation }) },
    },
    states: {
      route: {
        on: {
          DELEGATE_ROUTE: [
            { guard: ({ event }) => event.route === 'guardian', target: 'guardian' },
            { target: 'starting' },
          ],
          BACK: { target: '#kiosk.session.welcome' },
        },
      },
      starting: {
        invoke: {
          src: 'delegationStart',
          input: ({ context, event }) => ({ api: context.api, route: event.type === 'DELEGATE_ROUTE' && event.route === 'card' ? 'card' : 'authorisation' }),
          onDone: [
            { guard: ({ event }) => event.output.state === 'awaiting-card', target: 'awaitingCard', actions: assign({ delegation: ({ event }) => event.output }) },
            { target: 'awaitingAuthorisation', actions: assign({ delegation: ({ event }) => event.output }) },
          ],
          onError: { target: 'route', actions: 'showError' },
        },
      },
      awaitingCard: {
        on: {
          DELEGATION_CHANGED: followPrincipal,
          BACK: 'stopping',
        },
      },
      awaitingAuthorisation: {
        on: {
          // The scanner's code comes through the core (delegation:onChanged); a keyboard-wedge scanner types it into the page.
          QR_SUBMIT: { guard: ({ event }) => event.payload.trim().length > 0, target: 'authorising' },
          DELEGATION_CHANGED: followPrincipal,
          BACK: 'stopping',
        },
      },
      authorising: {
        invoke: {
          src: 'delegationAuthorise',
          input: ({ context, event }) => ({ api: context.api, token: event.type === 'QR_SUBMIT' ? event.payload.trim() : '' }),
          onDone: [
            { guard: ({ event }) => event.output.state === 'ready', target: 'relation', actions: assign({ delegation: ({ event }) => event.output }) },
            { target: 'awaitingAuthorisation', actions: assign({ delegation: ({ event }) => event.output }) },
          ],
          onError: { target: 'awaitingAuthorisation', actions: 'showError' },
        },
      },
      guardian: {
        on: {
          GUARDIAN_SUBMIT: 'checkingGuardian',
          BACK: 'route',
        },
      },
      checkingGuardian: {
        invoke: {
          src: 'delegationGuardian',
          input: ({ context, event }) => ({
            api: context.api,
            childIdNumber: event.type === 'GUARDIAN_SUBMIT' ? event.childIdNumber : '',
            relation: event.type === 'GUARDIAN_SUBMIT' ? event.relation : 'parent',
          }),
          onDone: [
            { guard: ({ event }) => event.output.state === 'ready', target: '#kiosk.session.home', actions: assign({ delegation: ({ event }) => event.output }) },
            { target: 'guardian', actions: assign({ delegation: ({ event }) => event.output }) },
          ],
          onError: { target: 'guardian', actions: 'showError' },
        },
      },
      relation: {
        on: { RELATION_CHOSEN: 'settingRelation', BACK: 'stopping' },
      },
      settingRelation: {
        invoke: {
          src: 'delegationRelation',
          input: ({ context, event }) => ({ api: context.api, relation: event.type === 'RELATION_CHOSEN' ? event.relation : 'other' }),
          onDone: { target: '#kiosk.session.home', actions: assign({ delegation: ({ event }) => event.output }) },
          onError: { target: 'relation', actions: 'showError' },
        },
      },
      stopping: {
        invoke: {
          src: 'delegationStop',
          input: ({ context }) => ({ api: context.api }),
          onDone: { target: '#kiosk.session.home', actions: assign({ delegation: ({ event }) => event.output }) },
          onError: { target: '#kiosk.session.home', actions: assign({ delegation: null }) },
        },
      },
    },
  }),
  /** The guide's service cannot be done under this delegation: the reason in plain words; another service, or apply for oneself. */
  delegationRefused: stateConfig({
    on: {
      BACK: 'guide.ready',
      HOME: 'home',
      DELEGATE_STOP: 'delegationStopping',
    },
  }),
  /** 为本人办理 from the refusal: the delegation ends and the person is back on the same guide. */
  delegationStopping: stateConfig({
    invoke: {
      src: 'delegationStop',
      input: ({ context }) => ({ api: context.api }),
      onDone: { target: 'guide.ready', actions: assign({ delegation: ({ event }) => event.output }) },
      onError: { target: 'guide.ready', actions: assign({ delegation: null }) },
    },
  }),
};
