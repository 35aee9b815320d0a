import { assign, fromCallback, fromPromise, setup } from 'xstate';
import type { KioskApi } from '../../../common/contract/kiosk-contract';
import { loadBoot, type BootResult } from './boot';
import type { EndReason, FlowContext, FlowEvent, FlowInput } from './flow-types';
import { errorCodeOf } from './selectors';
import { bundleActors } from './bundle-flow';
import { delegationActors } from './delegation-flow';
import { identifyActors } from './identify-flow';
import { idleActors } from './idle-flow';
import { paymentActors } from './payment-flow';
import { printingActors } from './printing-flow';
import { queryActors } from './query-flow';
import { ratingActors } from './rating-flow';
import { serviceActors } from './service-flow';
import { technicianActors } from './technician-flow';

/** The start-up calls: the ones the page entry already sent (`FlowInput.boot`), else made now. */
const boot = fromPromise<BootResult, { api: KioskApi; preloaded: Promise<BootResult> | null }>(({ input }) => input.preloaded ?? loadBoot(input.api));

/** Every KioskApi event the flow reacts to, as flow events, for the machine's whole life. */
const apiEvents = fromCallback<FlowEvent, { api: KioskApi }>(({ sendBack, input }) => {
  const { api } = input;
  const offs = [
    api.session.onChanged((session) => sendBack({ type: 'SESSION_CHANGED', session })),
    api.session.onIdentifyFailed((failure) => sendBack({ type: 'IDENTIFY_FAILED', code: failure.code })),
    api.devices.onStatusChanged((status) => sendBack({ type: 'DEVICE_CHANGED', status })),
    api.connectivity.onChanged((connectivity) => sendBack({ type: 'CONNECTIVITY_CHANGED', connectivity })),
    api.printer.onJobChanged((job) => sendBack({ type: 'PRINT_JOB_CHANGED', job })),
    api.catalogue.onUpdated(() => sendBack({ type: 'CATALOGUE_UPDATED' })),
    api.delegation.onChanged((delegation) => sendBack({ type: 'DELEGATION_CHANGED', delegation })),
  ];
  return () => offs.forEach((off) => off());
});

/**
 * The one `setup()` of the citizen flow: its types, every actor (each
 * sub-flow module brings its own), the actions several sub-flows name,
 * and the delays (named here because `after` takes only named delays).
 * Sub-flow modules type their states against it through `flow-config.ts`
 * (`stateConfig`, `flowAssign`) without importing it as a value, so that
 * this module can import their actors without an import cycle.
 */
export const flowSetup = setup({
  types: {
    context: {} as FlowContext,
    events: {} as FlowEvent,
    input: {} as FlowInput,
  },
  actors: {
    boot,
    apiEvents,
    ...identifyActors,
    ...serviceActors,
    ...bundleActors,
    ...delegationActors,
    ...paymentActors,
    ...printingActors,
    ...queryActors,
    ...ratingActors,
    ...idleActors,
    ...technicianActors,
  },
  actions: {
    clearError: assign({ error: null }),
    /** Keeps what the core says about a card left on the reader (`SessionView.leftCard`). */
    rememberLeftCard: assign({ leftCard: ({ context, event }) => (event.type === 'SESSION_CHANGED' ? (event.session.leftCard ?? null) : context.leftCard) }),
    /** Keeps the latest status of the device a `DEVICE_CHANGED` event names. */
    rememberDevice: assign({
      devices: ({ context, event }) => (event.type === 'DEVICE_CHANGED' ? { ...context.devices, [event.status.name]: event.status } : context.devices),
    }),
    /**
     * In `onError` of a KioskApi call: its error code, shown on the screen the
     * person is on. (A named action sees the machine's own event types; the
     * invoked actor's error event is not one of them, hence the cast.)
     */
    showError: assign(({ event }) => ({ error: errorCodeOf((event as unknown as { error: unknown }).error) })),
    /** Records why the session ends; the `ending` state sends it to `session.end`. */
    endAs: assign((_, params: { reason: EndReason }) => ({ endReason: params.reason })),
  },
  delays: {
    welcome: ({ context }) => context.timing.welcomeMs,
    result: ({ context }) => context.timing.resultMs,
    printDone: ({ context }) => context.timing.printDoneMs,
    thanks: ({ context }) => context.timing.thanksMs,
    /** Until the payment order's `expiresAt` (0 when already past or unparsable). */
    paymentExpiry: ({ context }) => Math.max(0, (Date.parse(context.payment?.expiresAt ?? '') || 0) - Date.now()),
  },
});

/** The type of the flow's setup, which `flow-config.ts` types every sub-flow's states with. */
export type FlowSetup = typeof flowSetup;
