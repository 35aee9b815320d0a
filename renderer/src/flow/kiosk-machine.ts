import { assign, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import { bundleStates } from './bundle-flow';
import { delegationStates } from './delegation-flow';
import { flowSetup } from './flow-setup';
import type { BootResult } from './boot';
import { DEFAULT_TIMING, type FlowContext } from './flow-types';
import { identifyStates, sessionIdentified, sessionLost } from './identify-flow';
import { idleStates, PERSONAL_RESET } from './idle-flow';
import { paymentStates } from './payment-flow';
import { printingStates } from './printing-flow';
import { queryStates } from './query-flow';
import { ratingStates } from './rating-flow';
import { serviceStates } from './service-flow';
import { submittedReceipts } from './selectors';
import { technicianStates } from './technician-flow';

/** What the start-up answers tell the flow (the preloaded calls are used up). */
function bootContext(boot: BootResult): Partial<FlowContext> {
  return {
    system: boot.system,
    devices: Object.fromEntries(boot.devices.map((d) => [d.name, d])),
    connectivity: boot.connectivity?.state ?? 'online',
    pending: boot.connectivity?.pending ?? 0,
    leftCard: boot.session?.leftCard ?? null,
    bootPreloaded: null,
  };
}

/**
 * The citizen flow as an XState v5 machine: boot → attract → session →
 * ending → attract. A session is composed of one module per sub-flow, whose
 * states sit side by side under `session` (so a snapshot's value reads
 * `{ session: { payment: 'waiting' } }`):
 *
 * - identify-flow: identify (card / QR e-ID) → faceCheck → welcome
 * - delegation-flow: 为家人/他人办理 from the welcome: the principal (card, phone authorisation, guardian) and the relation → home
 * - service-flow: home → guide → form → pre-check → confirm → submitting → result
 * - bundle-flow: a life-event bundle's items, then its one submission
 * - payment-flow: each fee due, paid by QR or left for later
 * - printing-flow: the receipt, then each A4 certificate (one parameterised printout)
 * - query-flow: a query item asked and its answer shown, revealed and printed (nothing submitted)
 * - rating-flow: rating → thanks
 * - idle-flow: attract and ending (the wipe)
 * - technician-flow: beside the session, from attract: unlock → technician → hand back
 *
 * Cancel, idle time-out, device and network changes are transitions. All
 * side effects go through the `KioskApi` given as input, so the
 * machine runs in Node against a fake.
 */
export const kioskMachine = flowSetup.createMachine({
  id: 'kiosk',
  context: ({ input }) => ({
    api: input.api,
    bootPreloaded: input.boot ?? null,
    timing: { ...DEFAULT_TIMING, ...input.timing },
    care: false,
    locale: 'zh-CN',
    system: null,
    devices: {},
    connectivity: 'online',
    pending: 0,
    leftCard: null,
    overview: null,
    endReason: 'done',
    technician: null,
    technicianRefusal: null,
    technicianKeyProtection: null,
    ...PERSONAL_RESET,
  }),
  invoke: { src: 'apiEvents', input: ({ context }) => ({ api: context.api }) },
  on: {
    DEVICE_CHANGED: { actions: 'rememberDevice' },
    CARE_CHANGED: { actions: assign({ care: ({ event }) => event.care }) },
    LOCALE_CHANGED: { actions: assign({ locale: ({ event }) => event.locale }) },
    SESSION_CHANGED: { actions: 'rememberLeftCard' },
    CONNECTIVITY_CHANGED: {
      actions: assign({ connectivity: ({ event }) => event.connectivity.state, pending: ({ event }) => event.connectivity.pending }),
    },
  },
  initial: 'boot',
  states: {
    boot: {
      invoke: {
        src: 'boot',
        input: ({ context }) => ({ api: context.api, preloaded: context.bootPreloaded }),
        onDone: [
          {
            // A session left identified (the renderer reloaded mid-session) is ended before anyone else walks up.
            guard: ({ event }) => event.output.session?.stage === 'identified',
            target: 'ending',
            actions: [assign(({ event }) => bootContext(event.output)), { type: 'endAs', params: { reason: 'cancelled' } }],
          },
          { target: 'attract', actions: assign(({ event }) => bootContext(event.output)) },
        ],
      },
    },
    ...idleStates,
    ...technicianStates,
    session: {
      on: {
        CANCEL: { target: 'ending', actions: { type: 'endAs', params: { reason: 'cancelled' } } },
        FINISH: { target: 'ending', guard: ({ context }) => submittedReceipts(context).length > 0, actions: { type: 'endAs', params: { reason: 'done' } } },
        IDLE_EXPIRED: { target: 'ending', actions: { type: 'endAs', params: { reason: 'idle' } } },
        SESSION_CHANGED: [
          { guard: sessionLost, target: 'attract', actions: 'rememberLeftCard' },
          { guard: sessionIdentified, actions: assign({ identity: ({ event }) => event.session.identity }) },
        ],
      },
      initial: 'identify',
      states: {
        ...identifyStates,
        ...delegationStates,
        ...serviceStates,
        ...bundleStates,
        ...paymentStates,
        ...printingStates,
        ...queryStates,
        ...ratingStates,
      },
    },
  },
});

/** A running flow actor. */
export type KioskActor = ActorRefFrom<typeof kioskMachine>;
/** A snapshot of the flow. */
export type KioskSnapshot = SnapshotFrom<typeof kioskMachine>;
