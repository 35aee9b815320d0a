import { assign, fromPromise } from 'xstate';
import type { KioskApi } from '../../../common/contract/kiosk-contract';
import type { SessionView } from '../../../common/contract/schemas';
import { flowAssign, stateConfig, unlessCare } from './flow-config';
import type { FlowContext, FlowEvent } from './flow-types';
import { errorCodeOf, isCardReaderAvailable } from './selectors';
import { faceCheckStates } from './face-check-flow';

/** Failures of a card read (the reader's), as opposed to a QR e-ID's. */
const CARD_FAILURES: ReadonlySet<string> = new Set(['read-failed', 'card-removed', 'invalid-card', 'device-error']);

/** True for the code of a failed card read. */
export const isCardFailure = (code: string | null): boolean => code !== null && CARD_FAILURES.has(code);

/** A device event after which no card reader is available (unplugged, offline, faulty). */
const readerLost = ({ context, event }: { context: FlowContext; event: FlowEvent }): boolean =>
  event.type === 'DEVICE_CHANGED' && event.status.device === 'idcard' && !isCardReaderAvailable({ ...context.devices, [event.status.name]: event.status });

/** A failed card read reported while no reader is available: the reader's own state already says all there is to say. */
const cardFailureWithoutReader = ({ context, event }: { context: FlowContext; event: FlowEvent }): boolean =>
  event.type === 'IDENTIFY_FAILED' && isCardFailure(event.code) && !isCardReaderAvailable(context.devices);

/** Actors of the identify sub-flow. */
export const identifyActors = {
  identifyByQr: fromPromise<SessionView, { api: KioskApi; payload: string }>(({ input }) => input.api.session.identifyByQr({ payload: input.payload })),
};

/** The core reports a person identified (card read, or QR e-ID accepted). */
export const sessionIdentified = ({ event }: { event: FlowEvent }): boolean =>
  event.type === 'SESSION_CHANGED' && event.session.stage === 'identified' && event.session.identity !== null;

/** The core is reading a card that was just placed. */
export const sessionReading = ({ event }: { event: FlowEvent }): boolean => event.type === 'SESSION_CHANGED' && event.session.stage === 'reading';

/** The core ended the session (stage idle) while this flow still had a person. */
export const sessionLost = ({ context, event }: { context: FlowContext; event: FlowEvent }): boolean =>
  event.type === 'SESSION_CHANGED' && event.session.stage === 'idle' && context.identity !== null;

/** After the welcome: back to the guide or bundle the person asked to apply from while browsing, else home. */
const afterWelcome = [
  { guard: ({ context }: { context: FlowContext }) => context.resumeAfterIdentify === 'guide' && context.serviceCode !== null, target: 'guide', actions: flowAssign({ resumeAfterIdentify: null }) },
  { guard: ({ context }: { context: FlowContext }) => context.resumeAfterIdentify === 'bundle' && context.bundle !== null, target: 'bundle', actions: flowAssign({ resumeAfterIdentify: null }) },
  { target: 'home' },
] as const;

/**
 * identify → faceCheck → welcome: the person proves who they are with the ID
 * card (the core reads it and reports `session.onChanged`) or the QR e-ID
 * (`session.identifyByQr`); a failed read stays here with the reason.
 */
export const identifyStates = {
  identify: stateConfig({
    initial: 'choose',
    // The person is here: a card left on the reader (at start-up, or by the last person) is read now (session.begin).
    entry: ({ context }) => void context.api.session.begin({}).catch(() => undefined),
    on: {
      SESSION_CHANGED: [
        { guard: sessionIdentified, target: 'faceCheck', actions: assign({ identity: ({ event }) => event.session.identity }) },
        { guard: sessionReading, target: '.reading', actions: assign({ identifyError: null }) },
        { guard: ({ event }) => event.session.stage === 'idle', target: '.choose', actions: 'rememberLeftCard' },
      ],
      // The reader gone mid-read: one state (choose), one message (the reader's), one way on (the QR code).
      DEVICE_CHANGED: {
        guard: readerLost,
        target: '.choose',
        actions: ['rememberDevice', assign({ identifyError: ({ context }) => (isCardFailure(context.identifyError) ? null : context.identifyError) })],
      },
      IDENTIFY_FAILED: [
        { guard: cardFailureWithoutReader, target: '.choose', actions: assign({ identifyError: null }) },
        { target: '.choose', actions: assign({ identifyError: ({ event }) => event.code }) },
      ],
    },
    states: {
      choose: {
        on: { QR_SUBMIT: { target: 'verifyingQr', guard: ({ event }) => event.payload.trim().length > 0 } },
      },
      reading: {},
      verifyingQr: {
        entry: assign({ identifyError: null }),
        invoke: {
          src: 'identifyByQr',
          input: ({ context, event }) => ({ api: context.api, payload: event.type === 'QR_SUBMIT' ? event.payload.trim() : '' }),
          onDone: [
            {
              guard: ({ event }) => event.output.stage === 'identified' && event.output.identity !== null,
              target: '#kiosk.session.faceCheck',
              actions: assign({ identity: ({ event }) => event.output.identity }),
            },
            { target: 'choose', actions: assign({ identifyError: 'qr-rejected' }) },
          ],
          onError: {
            target: 'choose',
            actions: assign({
              identifyError: ({ event }) => (errorCodeOf(event.error) === 'platform-unreachable' ? 'platform-unreachable' : 'qr-rejected'),
            }),
          },
        },
      },
    },
  }),
  ...faceCheckStates,
  welcome: stateConfig({
    after: { welcome: unlessCare(afterWelcome) },
    on: { CONTINUE: afterWelcome, DELEGATE_START: 'delegation' },
  }),
};
