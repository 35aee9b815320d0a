import { Suspense, use } from 'react';
import type { ScreenName } from '../flow/screen-of';
import { AttractScreen } from '../screens/attract-screen';
import { BootScreen } from '../screens/boot-screen';
import { IdentifyScreen } from '../screens/identify-screen';
import { WelcomeScreen } from '../screens/welcome-screen';
import { eager, lazy, type LazyScreen, type ScreenEntry } from './lazy-screen';

/**
 * Every screen, total over {@link ScreenName} so a screen left out is a type
 * error. Eager: what the first minutes need, in the start-up chunk (nothing
 * else is parsed before attract is shown). Lazy: the rest, one chunk each,
 * prefetched right after attract is shown (see {@link prefetchScreens}).
 */
const SCREENS: Record<ScreenName, ScreenEntry> = {
  boot: eager(BootScreen),
  attract: eager(AttractScreen),
  identify: eager(IdentifyScreen),
  welcome: eager(WelcomeScreen),
  home: lazy(() => import('../screens/home-screen').then((m) => m.HomeScreen)),
  bundle: lazy(() => import('../screens/bundle-screen').then((m) => m.BundleScreen)),
  guide: lazy(() => import('../screens/guide-screen').then((m) => m.GuideScreen)),
  form: lazy(() => import('../screens/form-screen').then((m) => m.FormScreen)),
  precheck: lazy(() => import('../screens/precheck-screen').then((m) => m.PrecheckScreen)),
  confirm: lazy(() => import('../screens/confirm-screen').then((m) => m.ConfirmScreen)),
  payment: lazy(() => import('../screens/payment-screen').then((m) => m.PaymentScreen)),
  submitting: lazy(() => import('../screens/submitting-screen').then((m) => m.SubmittingScreen)),
  result: lazy(() => import('../screens/result-screen').then((m) => m.ResultScreen)),
  printing: lazy(() => import('../screens/printing-screen').then((m) => m.PrintingScreen)),
  certificate: lazy(() => import('../screens/certificate-screen').then((m) => m.CertificateScreen)),
  rating: lazy(() => import('../screens/rating-screen').then((m) => m.RatingScreen)),
  thanks: lazy(() => import('../screens/thanks-screen').then((m) => m.ThanksScreen)),
};

/** Starts loading every lazy screen (idempotent); resolves when all are in, never rejects. */
export function prefetchScreens(): Promise<void> {
  const lazies = Object.values(SCREENS).flatMap((s) => ('lazy' in s ? [s.lazy.load()] : []));
  return Promise.allSettled(lazies).then(() => undefined);
}

/**
 * A lazy screen: rendered at once when its chunk is in (the usual case, it
 * was prefetched), else suspends until it is. The element type is always the
 * loaded component itself, so a screen is never remounted by the load.
 */
function LazyScreenView({ entry }: { entry: LazyScreen }) {
  const Component = entry.loaded ?? use(entry.load());
  return <Component />;
}

/** Renders the component of one screen. */
export function ScreenView({ screen }: { screen: ScreenName }) {
  const entry = SCREENS[screen];
  return <Suspense fallback={null}>{'eager' in entry ? <entry.eager /> : <LazyScreenView key={screen} entry={entry.lazy} />}</Suspense>;
}
