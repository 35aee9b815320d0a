import type { KioskSnapshot } from './kiosk-machine';

/** Screen names, exactly the `data-screen` values the end-to-end tests rely on (plus `boot`). */
export type ScreenName =
  | 'boot'
  | 'attract'
  | 'identify'
  | 'welcome'
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
  | 'rating'
  | 'thanks';

const SESSION_SCREENS: Record<string, ScreenName> = {
  identify: 'identify',
  faceCheck: 'identify',
  welcome: 'welcome',
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
  rating: 'rating',
  thanks: 'thanks',
};

/** Which screen a flow state shows. `ending` shows the attract screen while the session is wiped. */
export function screenOf(snapshot: Pick<KioskSnapshot, 'value'>): ScreenName {
  const value = snapshot.value;
  if (value === 'boot') return 'boot';
  if (value === 'attract' || value === 'ending') return 'attract';
  if (typeof value === 'object' && 'session' in value) {
    const inner = value.session;
    const key = typeof inner === 'string' ? inner : Object.keys(inner)[0] ?? '';
    return SESSION_SCREENS[key] ?? 'home';
  }
  return 'attract';
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
