import { assign, fromPromise } from 'xstate';
import type { KioskApi } from '../../../common/contract/kiosk-contract';
import type { TechnicianLockState, TechnicianStatus, TechnicianUnlockResult } from '../../../common/contract/schemas';
import { stateConfig } from './flow-config';

/** Why the unlock screen refused, as it tells the technician: the core's reason, the lock's end, or `failed` (the call itself failed). */
export interface TechnicianRefusalView {
  reason: Extract<TechnicianUnlockResult, { ok: false }>['reason'] | 'failed';
  /** ISO 8601 end of the lockout; null when entry is open. */
  lockedUntil: string | null;
  attemptsLeft: number | null;
}

/** Actors of the technician sub-flow. */
export const technicianActors = {
  technicianUnlock: fromPromise<TechnicianUnlockResult, { api: KioskApi; credential: string; pin: string }>(({ input }) =>
    input.api.technicianAccess.unlock({ credential: input.credential, pin: input.pin }),
  ),
  /** The lockout now, so a terminal already locked says so before anyone types. */
  technicianLockState: fromPromise<TechnicianLockState, { api: KioskApi }>(({ input }) => input.api.technicianAccess.lockState({})),
  /** The status summary when the technician screen opens (the screen shows what protects the data key). */
  technicianStatus: fromPromise<TechnicianStatus, { api: KioskApi }>(({ input }) => input.api.technician.status({})),
  /** Locks the role again (technician or staff); a failure (the role already lapsed) still ends the visit. */
  technicianHandBack: fromPromise<unknown, { api: KioskApi; role: 'technician' | 'staff' }>(({ input }) => (input.role === 'staff' ? input.api.staff.handBack({}) : input.api.technician.handBack({}))),
};

/**
 * attract → technicianUnlock → technician → attract, beside the citizen flow
 * (never inside a session: no personal data is on these screens). A long
 * press on the attract screen's corner sends `TECHNICIAN_OPEN`; the unlock
 * screen sends `TECHNICIAN_UNLOCK` with the credential and the PIN; the core
 * grants the technician role to this connection on success. `HAND_BACK`
 * and the idle time-out lock the role again (`technician.handBack`) and
 * return to attract; `BACK` and the idle time-out leave the unlock screen.
 * On the technician screen, `technician.status` is asked once for what
 * protects the data key (`technicianKeyProtection`; a failed call leaves it
 * null and the screen says nothing about it).
 */
export const technicianStates = {
  technicianUnlock: stateConfig({
    invoke: {
      src: 'technicianLockState',
      input: ({ context }) => ({ api: context.api }),
      onDone: {
        guard: ({ event }) => event.output.lockedUntil !== null,
        actions: assign({ technicianRefusal: ({ event }) => ({ reason: 'locked' as const, lockedUntil: event.output.lockedUntil, attemptsLeft: event.output.attemptsLeft }) }),
      },
    },
    on: {
      TECHNICIAN_UNLOCK: { guard: ({ event }) => event.credential.trim() !== '' && /^\d{1,12}$/.test(event.pin), target: 'technicianChecking' },
      BACK: { target: 'attract', actions: assign({ technician: null, technicianRefusal: null }) },
      IDLE_EXPIRED: { target: 'attract', actions: assign({ technician: null, technicianRefusal: null }) },
    },
  }),
  technicianChecking: stateConfig({
    invoke: {
      src: 'technicianUnlock',
      input: ({ context, event }) => ({
        api: context.api,
        credential: event.type === 'TECHNICIAN_UNLOCK' ? event.credential.trim() : '',
        pin: event.type === 'TECHNICIAN_UNLOCK' ? event.pin : '',
      }),
      onDone: [
        {
          guard: ({ event }) => event.output.ok,
          target: 'technician',
          actions: assign({
            technician: ({ event }) => (event.output.ok ? { name: event.output.technician.name, expiresAt: event.output.technician.expiresAt, role: event.output.role } : null),
            technicianRefusal: null,
          }),
        },
        {
          target: 'technicianUnlock',
          actions: assign({
            technicianRefusal: ({ event }) =>
              event.output.ok ? null : { reason: event.output.reason, lockedUntil: event.output.lock.lockedUntil, attemptsLeft: event.output.lock.attemptsLeft },
          }),
        },
      ],
      onError: { target: 'technicianUnlock', actions: assign({ technicianRefusal: { reason: 'failed', lockedUntil: null, attemptsLeft: null } }) },
    },
  }),
  technician: stateConfig({
    invoke: {
      src: 'technicianStatus',
      input: ({ context }) => ({ api: context.api }),
      onDone: { actions: assign({ technicianKeyProtection: ({ event }) => event.output.keyProtection }) },
      // Refused for a staff visit (no technician role) or a lapsed one: the screen then says nothing about the key.
      onError: { actions: assign({ technicianKeyProtection: null }) },
    },
    on: {
      HAND_BACK: 'technicianEnding',
      IDLE_EXPIRED: 'technicianEnding',
    },
  }),
  technicianEnding: stateConfig({
    invoke: {
      src: 'technicianHandBack',
      input: ({ context }) => ({ api: context.api, role: context.technician?.role ?? 'technician' }),
      onDone: { target: 'attract', actions: assign({ technician: null, technicianRefusal: null, technicianKeyProtection: null }) },
      onError: { target: 'attract', actions: assign({ technician: null, technicianRefusal: null, technicianKeyProtection: null }) },
    },
  }),
};
