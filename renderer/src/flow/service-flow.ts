import { assign, fromPromise } from 'xstate';
import type { KioskApi } from '../../../common/contract/kiosk-contract';
import type { ServiceDetail, SubmitResult } from '../../../common/contract/schemas';
import { bundleRequest, newBundle } from './bundle';
import { stateConfig, unlessCare } from './flow-config';
import type { CatalogueOverview, FlowContext, PrecheckProblem, RevealedIdentity } from './flow-types';
import { feeDue } from './payment-flow';
import { asksAtOnce, isQueryService } from './query-flow';
import { isServiceAvailable } from './selectors';
import { refuseForDelegation } from './delegation-flow';

/** How long the person's own data stays unmasked on the review step after 显示, ms (15 s); the core stops answering `session.reveal` soon after the step too. */
export const REVEAL_SHOWN_MS = 15_000;

/** The request sent to pre-check and submit, built from what the person entered. */
function submitRequest(context: FlowContext): { serviceCode: string; form: Record<string, string>; materials: { id: string; provided: boolean }[] } {
  return {
    serviceCode: context.serviceCode ?? '',
    form: { ...context.form },
    materials: Object.entries(context.materials).map(([id, provided]) => ({ id, provided })),
  };
}

/** Actors of the service sub-flow. */
export const serviceActors = {
  loadOverview: fromPromise<CatalogueOverview, { api: KioskApi }>(({ input }) => input.api.catalogue.overview({})),
  loadService: fromPromise<ServiceDetail, { api: KioskApi; code: string }>(({ input }) => input.api.catalogue.get({ code: input.code })),
  /** The single item's pre-check, or the bundle's (one list for the combined form). */
  precheck: fromPromise<{ ok: boolean; problems: PrecheckProblem[] }, { api: KioskApi; context: FlowContext }>(({ input }) =>
    input.context.bundle ? input.api.transactions.precheckBundle(bundleRequest(input.context)) : input.api.transactions.precheck(submitRequest(input.context)),
  ),
  reveal: fromPromise<RevealedIdentity, { api: KioskApi }>(({ input }) => input.api.session.reveal({})),
  submit: fromPromise<SubmitResult, { api: KioskApi; context: FlowContext }>(({ input }) => input.api.transactions.submit(submitRequest(input.context))),
};

/** Where the result screen goes on: the fees due first (payment), else the receipt. */
const afterResult = [{ guard: feeDue, target: 'payment' }, { target: 'printing' }] as const;

/**
 * home → guide → form → pre-check → confirm → submitting → result for one
 * service; the form, pre-check and confirm steps also serve a life-event
 * bundle (its combined form, see bundle-flow). Every failed call stays on its
 * screen with the error code, never a dead end.
 */
export const serviceStates = {
  home: stateConfig({
    entry: 'clearError',
    invoke: {
      src: 'loadOverview',
      input: ({ context }) => ({ api: context.api }),
      onDone: { actions: assign({ overview: ({ event }) => event.output }) },
      onError: { actions: 'showError' },
    },
    on: {
      SELECT_SERVICE: { target: 'guide', actions: assign({ serviceCode: ({ event }) => event.code, service: null, bundle: null }) },
      SELECT_BUNDLE: {
        guard: ({ context, event }) => newBundle(context.overview, event.id) !== null,
        target: 'bundle',
        actions: assign({ serviceCode: null, service: null, bundle: ({ context, event }) => newBundle(context.overview, event.id) }),
      },
      CATALOGUE_UPDATED: { target: 'home', reenter: true },
    },
  }),
  guide: stateConfig({
    initial: 'loading',
    on: { BACK: 'home', HOME: 'home' },
    states: {
      loading: {
        entry: 'clearError',
        invoke: {
          src: 'loadService',
          input: ({ context }) => ({ api: context.api, code: context.serviceCode ?? '' }),
          onDone: { target: 'ready', actions: assign({ service: ({ event }) => event.output }) },
          onError: { target: 'failed', actions: 'showError' },
        },
      },
      ready: {
        on: {
          START_APPLICATION: [
            // Browsing unidentified (an attract tile): applying needs the person identified first; then back to this guide.
            { guard: ({ context }) => context.identity === null, target: '#kiosk.session.identify', actions: assign({ resumeAfterIdentify: 'guide' }) },
            // Acting for someone else (代办): a service the delegation does not cover is refused with its reason.
            refuseForDelegation,
            // A query with nothing to fill in is asked at once: no form, no review (nothing is submitted).
            {
              guard: ({ context }) => isQueryService(context.service) && asksAtOnce(context.service) && isServiceAvailable(context.service!, context.connectivity),
              target: '#kiosk.session.querying',
              actions: assign({ form: {}, problems: [], materials: {} }),
            },
            {
              guard: ({ context }) => context.service !== null && isServiceAvailable(context.service, context.connectivity),
              target: '#kiosk.session.form',
              actions: assign({
                form: {},
                problems: [],
                materials: ({ context }) => Object.fromEntries((context.service?.materials ?? []).map((m) => [m.id, m.electronic])),
              }),
            },
          ],
        },
      },
      failed: { on: { RETRY: 'loading' } },
    },
  }),
  form: stateConfig({
    on: {
      BACK: [{ guard: ({ context }) => context.bundle !== null, target: 'bundle.ready' }, { target: 'guide.ready' }],
      HOME: 'home',
      FIELD_CHANGED: {
        actions: assign({
          form: ({ context, event }) => ({ ...context.form, [event.id]: event.value }),
          problems: ({ context, event }) => context.problems.filter((p) => !(p.target === 'field' && p.id === event.id)),
        }),
      },
      MATERIAL_TOGGLED: {
        actions: assign({
          materials: ({ context, event }) => ({ ...context.materials, [event.id]: event.provided }),
          problems: ({ context, event }) => context.problems.filter((p) => !(p.target === 'material' && p.id === event.id)),
        }),
      },
      PRECHECK: 'checking',
    },
  }),
  checking: stateConfig({
    entry: 'clearError',
    invoke: {
      src: 'precheck',
      input: ({ context }) => ({ api: context.api, context }),
      onDone: [
        // A query's choices are checked, then it is asked: there is nothing to review before submitting.
        {
          guard: ({ context, event }) => event.output.ok && event.output.problems.length === 0 && context.bundle === null && isQueryService(context.service),
          target: 'querying',
          actions: assign({ problems: [] }),
        },
        { guard: ({ event }) => event.output.ok && event.output.problems.length === 0, target: 'confirm', actions: assign({ problems: [] }) },
        { target: 'precheck', actions: assign({ problems: ({ event }) => event.output.problems }) },
      ],
      onError: { target: 'form', actions: 'showError' },
    },
  }),
  precheck: stateConfig({ on: { BACK: 'form', HOME: 'home' } }),
  confirm: stateConfig({
    initial: 'idle',
    exit: assign({ revealed: null }),
    on: {
      // A dialog opened over the review (cancel, idle countdown): what was shown is hidden again, and a reveal under way is dropped.
      CONCEAL: { target: '.idle', actions: assign({ revealed: null }) },
      BACK: 'form',
      HOME: 'home',
      SUBMIT: [{ guard: ({ context }) => context.bundle !== null, target: 'submittingBundle' }, { target: 'submitting' }],
    },
    states: {
      idle: {
        on: {
          REVEAL_TOGGLE: [{ guard: ({ context }) => context.revealed !== null, actions: assign({ revealed: null }) }, { target: 'revealing' }],
        },
      },
      revealing: {
        invoke: {
          src: 'reveal',
          input: ({ context }) => ({ api: context.api }),
          onDone: { target: 'shown', actions: assign({ revealed: ({ event }) => event.output }) },
          onError: { target: 'idle', actions: 'showError' },
        },
      },
      // Shown for a short time only, then masked again (a second tap on 隐藏 masks it at once).
      shown: {
        after: { [REVEAL_SHOWN_MS]: { target: 'idle', actions: assign({ revealed: null }) } },
        on: { REVEAL_TOGGLE: { target: 'idle', actions: assign({ revealed: null }) } },
      },
    },
  }),
  submitting: stateConfig({
    entry: 'clearError',
    invoke: {
      src: 'submit',
      input: ({ context }) => ({ api: context.api, context }),
      onDone: [
        {
          guard: ({ context, event }) => (context.service?.feeFen ?? 0) > 0 && event.output.status === 'delivered',
          target: 'payment',
          actions: assign({ result: ({ event }) => event.output }),
        },
        { target: 'result', actions: assign({ result: ({ event }) => event.output }) },
      ],
      onError: { target: 'confirm', actions: 'showError' },
    },
  }),
  /** The result; a bundle with delivered fee items goes on to pay them one after the other. */
  result: stateConfig({
    after: { result: unlessCare(afterResult) },
    on: { CONTINUE: afterResult },
  }),
};
