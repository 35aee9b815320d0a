import type { KioskSnapshot } from './kiosk-machine';

/** Screen names, exactly the `data-screen` values the end-to-end tests rely on (plus `boot`). */
export type ScreenName =
  | 'boot'
  | 'attract'
  | 'identify'
  | 'faceConsent'
  | 'faceCapture'
  | 'faceAlternative'
  | 'welcome'
  | 'delegation'
  | 'delegationRefused'
  | 'home'
  | 'bundle'
  | 'guide'
  | 'form'
  | 'precheck'
  | 'confirm'
  | 'payment'
  | 'submitting'
  | 'result'
  | 'printing'
  | 'certificate'
  | 'query'
  | 'rating'
  | 'thanks'
  | 'technicianUnlock'
  | 'technician';

type FlowValue = KioskSnapshot['value'];
type SessionValue = Extract<FlowValue, { session: unknown }>['session'];
/** The top-level states of the flow machine (`boot`, `attract`, `session`, `ending`), derived from its config. */
export type FlowState = Extract<FlowValue, string> | 'session';
/** The states directly under `session` (one per step of a sub-flow), derived from the machine's config. */
export type SessionState = SessionValue extends infer V ? (V extends string ? V : keyof V) : never;

/** The screen of each state under `session`: total, so a new state without a screen is a type error. */
const SESSION_SCREENS: Record<SessionState, ScreenName> = {
  identify: 'identify',
  // The face check's own screens are chosen by its sub-state (FACE_SCREENS); `deciding` passes at once.
  faceCheck: 'identify',
  welcome: 'welcome',
  delegation: 'delegation',
  delegationRefused: 'delegationRefused',
  delegationStopping: 'delegationRefused',
  home: 'home',
  bundle: 'bundle',
  guide: 'guide',
  form: 'form',
  checking: 'form',
  precheck: 'precheck',
  confirm: 'confirm',
  payment: 'payment',
  submitting: 'submitting',
  submittingBundle: 'submitting',
  result: 'result',
  printing: 'printing',
  certificate: 'certificate',
  querying: 'query',
  queryResult: 'query',
  rating: 'rating',
  thanks: 'thanks',
};

/** The screen of each other top-level state; `ending` shows the attract screen while the session is wiped. */
const TOP_SCREENS: Record<Exclude<FlowState, 'session'>, ScreenName> = {
  boot: 'boot',
  attract: 'attract',
  ending: 'attract',
  technicianUnlock: 'technicianUnlock',
  technicianChecking: 'technicianUnlock',
  technician: 'technician',
  technicianEnding: 'technician',
};

/** The screen of each sub-state of faceCheck. */
const FACE_SCREENS: Record<string, ScreenName> = {
  consent: 'faceConsent',
  capture: 'faceCapture',
  alternative: 'faceAlternative',
  verifyingQr: 'faceAlternative',
};

/** Which screen a flow state shows. */
export function screenOf(snapshot: Pick<KioskSnapshot, 'value'>): ScreenName {
  const value = snapshot.value;
  if (typeof value === 'string') return TOP_SCREENS[value];
  const inner = value.session;
  if (typeof inner === 'object' && 'faceCheck' in inner) return FACE_SCREENS[String(inner.faceCheck)] ?? 'identify';
  // A compound state's value has exactly one key, its name (Object.keys only widens it to string).
  return SESSION_SCREENS[typeof inner === 'string' ? inner : (Object.keys(inner)[0] as SessionState)];
}

/** The sub-state of the current session screen (e.g. `waiting` on payment), or null when it has none. */
export function stepOf(snapshot: Pick<KioskSnapshot, 'value'>): string | null {
  const value = snapshot.value;
  if (typeof value !== 'object' || !('session' in value)) return null;
  const inner = value.session;
  if (typeof inner !== 'object') return null;
  const child = Object.values(inner)[0];
  return typeof child === 'string' ? child : null;
}
