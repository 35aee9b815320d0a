import { assign } from 'xstate';
import { stateConfig } from './flow-config';
import type { FlowContext, FlowEvent } from './flow-types';
import { isCameraAvailable, isFaceRouteOffered } from './selectors';

/** A device event after which no camera is online (unplugged, offline, faulty). */
const cameraLost = ({ context, event }: { context: FlowContext; event: FlowEvent }): boolean =>
  event.type === 'DEVICE_CHANGED' && event.status.device === 'camera' && !isCameraAvailable({ ...context.devices, [event.status.name]: event.status });

/**
 * faceCheck (人证比对), between identify and welcome. Offered only for a
 * person identified by ID card, where a camera is online and the platform
 * reachable (`isFaceRouteOffered`); elsewhere (and after a QR e-ID, which is
 * itself a verified credential) the state passes straight on to welcome.
 *
 * consent → capture: a consent screen of its own comes first (face data is
 * sensitive personal information), with an equal-weight way out; declining
 * leads to the alternatives (QR e-ID, staff-assisted), never to a dead end.
 * capture: the camera opens only here and closes when the state is left
 * (the screen releases it; the session wipe stops every stream too). A
 * camera lost mid-capture, or one that will not open, leads to the
 * alternatives with a notice. Liveness and the platform comparison come
 * next (issue 16); until they land, a kiosk must not configure a camera for
 * production use (`devices.camera.mode` stays `none`).
 * alternative: the QR e-ID (the same platform check as on the identify
 * screen) or staff-assisted verification at the window.
 */
export const faceCheckStates = {
  faceCheck: stateConfig({
    initial: 'deciding',
    exit: assign({ faceNotice: null }),
    states: {
      deciding: {
        // Only a card identity is checked against a face (人证比对): a QR e-ID is itself the verified credential.
        always: [{ guard: ({ context }) => context.identity?.method === 'idcard' && isFaceRouteOffered(context), target: 'consent' }, { target: '#kiosk.session.welcome' }],
      },
      consent: {
        on: { FACE_CONSENT: 'capture', FACE_DECLINE: 'alternative' },
      },
      capture: {
        on: {
          FACE_ALTERNATIVE: { target: 'alternative', actions: assign({ faceNotice: ({ event }) => event.notice ?? null }) },
          DEVICE_CHANGED: [
            { guard: cameraLost, target: 'alternative', actions: ['rememberDevice', assign({ faceNotice: 'cameraLost' })] },
            { actions: 'rememberDevice' },
          ],
        },
      },
      alternative: {
        on: { QR_SUBMIT: { target: 'verifyingQr', guard: ({ event }) => event.payload.trim().length > 0 } },
      },
      verifyingQr: {
        invoke: {
          src: 'identifyByQr',
          input: ({ context, event }) => ({ api: context.api, payload: event.type === 'QR_SUBMIT' ? event.payload.trim() : '' }),
          onDone: [
            {
              guard: ({ event }) => event.output.stage === 'identified' && event.output.identity !== null,
              target: '#kiosk.session.welcome',
              actions: assign({ identity: ({ event }) => event.output.identity }),
            },
            { target: 'alternative', actions: assign({ identifyError: 'qr-rejected' }) },
          ],
          onError: { target: 'alternative', actions: assign({ identifyError: 'qr-rejected' }) },
        },
      },
    },
  }),
};
