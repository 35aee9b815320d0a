import { TypedEmitter, type Off } from '../../common/domain/typed-emitter';
import { PlatformTrustRefusedError, type TrustRefusalCode } from './trust-errors';

/** Why the platform will not serve this terminal: it is not enrolled (or the platform does not know it), or it was revoked. */
export type LinkRefusal = 'not-enrolled' | 'revoked';

/** The link's standing with the platform. `refused` null: the platform serves this terminal (or has not said otherwise). */
export interface LinkTrustState {
  refused: LinkRefusal | null;
  /** The platform's refusal code that set `refused`; null when not refused. */
  code: TrustRefusalCode | null;
  /** When it was set (kiosk clock, ISO); null when not refused. */
  at: string | null;
}

/** The standing nobody has refused. */
export const LINK_TRUSTED: LinkTrustState = { refused: null, code: null, at: null };

/** Options of {@link createLinkTrust}. */
export interface LinkTrustOptions {
  /** Whether the terminal holds an enrolment (decides what `signature-missing` means). */
  enrolled: boolean;
  /** Standing to start from (the one kept from the last run). Default {@link LINK_TRUSTED}. */
  initial?: LinkTrustState;
  /** Kiosk clock in ms. Default `Date.now`. */
  now?: () => number;
}

/** The link's standing, fed by the transport's `onSettled` (see {@link createLinkTrust}). */
export interface LinkTrust {
  readonly state: LinkTrustState;
  /** Pass as `onSettled` of the platform client: null for a call that succeeded, else its error. */
  observe(error: unknown): void;
  /** Called on every change of {@link state}. */
  onChanged(listener: (state: LinkTrustState) => void): Off;
}

/**
 * What the platform's answers say of this terminal's standing:
 * `device-revoked` → `revoked`; `device-unknown`, and `signature-missing`
 * for a terminal without an enrolment → `not-enrolled`. Any call that
 * succeeds clears it (the platform served us). Other refusals (a bad
 * signature, a replay, a timestamp out of window) and network failures
 * leave it as it is: they are a fault of one request or of the clock, not
 * of the terminal's standing.
 */
export function createLinkTrust(options: LinkTrustOptions): LinkTrust {
  const now = options.now ?? Date.now;
  const events = new TypedEmitter<{ changed: LinkTrustState }>();
  let state: LinkTrustState = options.initial ?? LINK_TRUSTED;

  const set = (next: LinkTrustState): void => {
    if (next.refused === state.refused && next.code === state.code) return;
    state = next;
    events.emit('changed', next);
  };

  return {
    get state() {
      return state;
    },
    observe(error) {
      if (error === null) {
        set(LINK_TRUSTED);
        return;
      }
      if (!(error instanceof PlatformTrustRefusedError)) return;
      const at = new Date(now()).toISOString();
      if (error.reason === 'device-revoked') set({ refused: 'revoked', code: error.reason, at });
      else if (error.reason === 'device-unknown' || (error.reason === 'signature-missing' && !options.enrolled)) set({ refused: 'not-enrolled', code: error.reason, at });
    },
    onChanged: (listener) => events.on('changed', listener),
  };
}
