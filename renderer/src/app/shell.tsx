import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { usePreferences } from '../hooks/preferences';
import { useIdleCountdown } from './use-idle-countdown';
import { usePrefetchAfterAttract } from './use-prefetch-after-attract';
import { useTouchReport } from './use-touch-report';
import { OutOfService } from './out-of-service';
import { ScreenView } from './screen-view';
import { screenOf, stepOf, type ScreenName } from '../flow/screen-of';
import { submittedReceipts } from '../flow/selectors';
import { dirOf } from '../i18n/locales';
import { themeColors } from '../theme/colors';
import { AccessBar } from '../ui/access-bar';
import { CancelDialog } from '../ui/cancel-dialog';
import { ConnectivityBanner } from '../ui/connectivity-banner';
import { DelegationBanner } from '../ui/delegation-banner';
import { IdleOverlay } from '../ui/idle-overlay';
import { TopBar } from '../ui/top-bar';
import { promptFor } from '../voice/prompt-ids';
import { AudioMode } from '../voice/audio-mode';
import { VoicePlayer } from '../voice/voice-player';

const NO_SESSION: ReadonlySet<ScreenName> = new Set(['boot', 'attract']);
const NO_CANCEL: ReadonlySet<ScreenName> = new Set(['boot', 'attract', 'submitting', 'technicianUnlock', 'technician']);
const WITH_HOME: ReadonlySet<ScreenName> = new Set(['guide', 'form', 'precheck', 'confirm']);
/** Payment steps during which the person is busy with their phone, not the screen: the idle countdown waits (the order's own expiry ends them). */
const PAYING: ReadonlySet<string> = new Set(['creating', 'waiting', 'cancelling']);

/** The frame around every screen: theme, care mode, direction, bars, idle countdown and cancel confirmation. */
export function Shell() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const prefs = usePreferences();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const screen = screenOf(snapshot);
  const { system, connectivity, pending } = snapshot.context;
  const inSession = !NO_SESSION.has(screen);
  const step = stepOf(snapshot);
  const paying = screen === 'payment' && step !== null && PAYING.has(step);
  const kept = submittedReceipts(snapshot.context);
  usePrefetchAfterAttract(screen);
  useTouchReport(screen);

  const idle = useIdleCountdown(inSession && !paying, system?.idleTimeoutSeconds ?? 60, system?.countdownSeconds ?? 15, () => {
    setConfirmCancel(false);
    send({ type: 'IDLE_EXPIRED' });
  });

  // Whatever dialog opens (cancel, idle countdown), revealed personal data behind it is hidden again.
  const dialogOpen = (confirmCancel && inSession) || idle.secondsLeft !== null;
  useEffect(() => {
    if (dialogOpen) send({ type: 'CONCEAL' });
  }, [dialogOpen, send]);

  // Care mode sets the pace: no information screen moves on by itself.
  useEffect(() => {
    send({ type: 'CARE_CHANGED', care: prefs.care });
  }, [prefs.care, send]);
  // The receipt repeats its key labels in the person's language.
  useEffect(() => {
    send({ type: 'LOCALE_CHANGED', locale: prefs.locale });
  }, [prefs.locale, send]);

  const previous = useRef<ScreenName>(screen);
  const resetPrefs = prefs.reset;
  useEffect(() => {
    if (screen === 'attract' && previous.current !== 'attract') {
      setConfirmCancel(false);
      resetPrefs();
    }
    previous.current = screen;
  }, [screen, resetPrefs]);

  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
    main.current?.scrollTo?.({ top: 0 });
  }, [screen]);

  const colors = themeColors(system?.theme.primaryColor, prefs.care ? 7 : 4.5);
  const style = { '--primary': colors.primary, '--on-primary': colors.onPrimary } as CSSProperties;
  const prompt = promptFor(screen, snapshot.context, step);

  return (
    <VoicePlayer prompt={prompt}>
      <div className="kiosk" data-care={prefs.care} lang={prefs.locale} dir={dirOf(prefs.locale)} style={style}>
        <a className="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <TopBar system={system} screen={screen} />
        <ConnectivityBanner state={connectivity} pending={pending} />
        {inSession ? <DelegationBanner delegation={snapshot.context.delegation} agent={snapshot.context.identity} /> : null}
        <main id="main" ref={main} tabIndex={-1} className="main">
          <ScreenView screen={screen} />
        </main>
        <AccessBar
          showHome={WITH_HOME.has(screen)}
          showCancel={!NO_CANCEL.has(screen)}
          finish={kept.length > 0}
          onHome={() => send({ type: 'HOME' })}
          onCancel={() => setConfirmCancel(true)}
        />
        <CancelDialog
          open={confirmCancel && inSession}
          kept={kept}
          onKeep={() => setConfirmCancel(false)}
          onConfirm={() => {
            setConfirmCancel(false);
            send({ type: kept.length > 0 ? 'FINISH' : 'CANCEL' });
          }}
        />
        <IdleOverlay secondsLeft={idle.secondsLeft} onContinue={idle.resume} />
        <OutOfService screen={screen} onTechnician={() => send({ type: 'TECHNICIAN_OPEN' })} />
        <AudioMode screenKey={`${screen}:${step ?? ''}`} prompt={prompt} overlayKey={dialogOpen ? 'dialog' : ''} attract={screen === 'attract'} />
      </div>
    </VoicePlayer>
  );
}
