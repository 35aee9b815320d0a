import { Suspense, use, type ComponentType } from 'react';
import type { ScreenName } from '../flow/screen-of';
import { AttractScreen } from '../screens/attract-screen';
import { BootScreen } from '../screens/boot-screen';
import { IdentifyScreen } from '../screens/identify-screen';
import { WelcomeScreen } from '../screens/welcome-screen';
import { lazyScreen, type LazyScreen } from './lazy-screen';

/**
 * Every screen, total over {@link ScreenName} so a screen left out is a type
 * error. A component: what the first minutes need, in the start-up chunk
 * (nothing else is parsed before attract is shown). A {@link LazyScreen}: the
 * rest, one chunk each, prefetched right after attract is shown (see
 * {@link prefetchScreens}).
 */
const SCREENS: Record<ScreenName, ComponentType | LazyScreen> = {
  boot: BootScreen,
  attract: AttractScreen,
  identify: IdentifyScreen,
  faceConsent: lazyScreen(() => import('../screens/face-consent-screen').then((m) => m.FaceConsentScreen)),
  faceCapture: lazyScreen(() => import('../screens/face-capture-screen').then((m) => m.FaceCaptureScreen)),
  faceAlternative: lazyScreen(() => import('../screens/face-alternative-screen').then((m) => m.FaceAlternativeScreen)),
  welcome: WelcomeScreen,
  delegation: lazyScreen(() => import('../screens/delegation/delegation-screen').then((m) => m.DelegationScreen)),
  delegationRefused: lazyScreen(() => import('../screens/delegation/delegation-refused-screen').then((m) => m.DelegationRefusedScreen)),
  home: lazyScreen(() => import('../screens/home-screen').then((m) => m.HomeScreen)),
  bundle: lazyScreen(() => import('../screens/bundle-screen').then((m) => m.BundleScreen)),
  guide: lazyScreen(() => import('../screens/guide-screen').then((m) => m.GuideScreen)),
  form: lazyScreen(() => import('../screens/form-screen').then((m) => m.FormScreen)),
  precheck: lazyScreen(() => import('../screens/precheck-screen').then((m) => m.PrecheckScreen)),
  confirm: lazyScreen(() => import('../screens/confirm-screen').then((m) => m.ConfirmScreen)),
  payment: lazyScreen(() => import('../screens/payment-screen').then((m) => m.PaymentScreen)),
  submitting: lazyScreen(() => import('../screens/submitting-screen').then((m) => m.SubmittingScreen)),
  result: lazyScreen(() => import('../screens/result-screen').then((m) => m.ResultScreen)),
  printing: lazyScreen(() => import('../screens/printing-screen').then((m) => m.PrintingScreen)),
  certificate: lazyScreen(() => import('../screens/certificate-screen').then((m) => m.CertificateScreen)),
  query: lazyScreen(() => import('../screens/query-screen').then((m) => m.QueryScreen)),
  rating: lazyScreen(() => import('../screens/rating-screen').then((m) => m.RatingScreen)),
  thanks: lazyScreen(() => import('../screens/thanks-screen').then((m) => m.ThanksScreen)),
  technicianUnlock: lazyScreen(() => import('../screens/technician-unlock-screen').then((m) => m.TechnicianUnlockScreen)),
  technician: lazyScreen(() => import('../screens/technician-screen').then((m) => m.TechnicianScreen)),
};

/** Starts loading every lazy screen (idempotent); resolves when all are in, never rejects. */
export function prefetchScreens(): Promise<void> {
  const lazies = Object.values(SCREENS).flatMap((s) => (typeof s === 'function' ? [] : [s.load()]));
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
  const Entry = SCREENS[screen];
  return <Suspense fallback={null}>{typeof Entry === 'function' ? <Entry /> : <LazyScreenView key={screen} entry={Entry} />}</Suspense>;
}
