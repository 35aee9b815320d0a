import { assign, fromPromise } from 'xstate';
import type { KioskApi } from '../../../common/contract/kiosk-contract';
import type { SessionView } from '../../../common/contract/schemas';
import { stopAllCameraStreams } from '../media/camera-registry';
import { flowAssign, stateConfig } from './flow-config';
import type { EndReason, FlowContext } from './flow-types';
import { browseQueryOf } from './browse';
import { sessionIdentified, sessionReading } from './identify-flow';

/** Everything personal (and per-person) cleared; device, network, system and catalogue state kept. */
export const PERSONAL_RESET = {
  identity: null,
  delegation: null,
  identifyError: null,
  faceNotice: null,
  browseQuery: null,
  resumeAfterIdentify: null,
  serviceCode: null,
  service: null,
  bundle: null,
  error: null,
  form: {},
  materials: {},
  problems: [],
  revealed: null,
  query: null,
  queryRevealed: null,
  result: null,
  printJob: null,
  payment: null,
  settledFees: [],
  settledCertificates: [],
  certificateJob: null,
  certificateFailure: null,
} satisfies Partial<FlowContext>;

/** Actors of the idle sub-flow. */
export const idleActors = {
  endSession: fromPromise<SessionView, { api: KioskApi; reason: EndReason }>(({ input }) => input.api.session.end({ reason: input.reason })),
};

/** The wipe: the person's data in the renderer, and the camera. */
const wipe = [flowAssign(() => ({ ...PERSONAL_RESET })), () => stopAllCameraStreams()];

/**
 * attract ⇄ ending: the kiosk waits for the next person (touch, or a card
 * placed straight away), and every session ends through `ending`, which wipes
 * the person's data in the renderer, stops the camera and asks the core to
 * wipe its side (`session.end` with the reason: done, cancelled or idle).
 * The ways into `ending` (cancel, idle time-out, thanks) set `endReason`
 * with the `endAs` action.
 */
export const idleStates = {
  attract: stateConfig({
    entry: wipe,
    on: {
      START: 'session.identify',
      TECHNICIAN_OPEN: 'technicianUnlock',
      // A tile opens its category straight away: reading guides needs no identification, applying does (guide → identify).
      BROWSE: { guard: ({ event }) => browseQueryOf(event.category) !== null, target: 'session.home', actions: assign({ browseQuery: ({ event }) => browseQueryOf(event.category) }) },
      SESSION_CHANGED: [
        { guard: sessionIdentified, target: 'session.faceCheck', actions: assign({ identity: ({ event }) => event.session.identity }) },
        { guard: sessionReading, target: 'session.identify.reading' },
      ],
      // A failed read or a refused QR e-ID on the attract screen (serial scanner, card) is explained on identify, as there.
      IDENTIFY_FAILED: { target: 'session.identify.choose', actions: assign({ identifyError: ({ event }) => event.code }) },
    },
  }),
  ending: stateConfig({
    entry: wipe,
    invoke: {
      src: 'endSession',
      input: ({ context }) => ({ api: context.api, reason: context.endReason }),
      onDone: 'attract',
      onError: 'attract',
    },
  }),
};
