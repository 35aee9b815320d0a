import type { ComponentType } from 'react';
import type { ScreenName } from '../flow/screen-of';
import { AttractScreen } from '../screens/attract-screen';
import { BootScreen } from '../screens/boot-screen';
import { CertificateScreen } from '../screens/certificate-screen';
import { ConfirmScreen } from '../screens/confirm-screen';
import { FormScreen } from '../screens/form-screen';
import { GuideScreen } from '../screens/guide-screen';
import { HomeScreen } from '../screens/home-screen';
import { IdentifyScreen } from '../screens/identify-screen';
import { PaymentScreen } from '../screens/payment-screen';
import { PrecheckScreen } from '../screens/precheck-screen';
import { PrintingScreen } from '../screens/printing-screen';
import { RatingScreen } from '../screens/rating-screen';
import { ResultScreen } from '../screens/result-screen';
import { SubmittingScreen } from '../screens/submitting-screen';
import { ThanksScreen } from '../screens/thanks-screen';
import { WelcomeScreen } from '../screens/welcome-screen';

const SCREENS: Record<ScreenName, ComponentType> = {
  boot: BootScreen,
  attract: AttractScreen,
  identify: IdentifyScreen,
  welcome: WelcomeScreen,
  home: HomeScreen,
  guide: GuideScreen,
  form: FormScreen,
  precheck: PrecheckScreen,
  confirm: ConfirmScreen,
  payment: PaymentScreen,
  submitting: SubmittingScreen,
  result: ResultScreen,
  printing: PrintingScreen,
  certificate: CertificateScreen,
  rating: RatingScreen,
  thanks: ThanksScreen,
};

/** Renders the component of one screen. */
export function ScreenView({ screen }: { screen: ScreenName }) {
  const Component = SCREENS[screen];
  return <Component />;
}
