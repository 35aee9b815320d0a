import { useEffect, useRef, useState } from 'react';
import type { OutOfServiceReason, ServiceState } from '../../../common/contract/schemas';
import { useKioskApi } from '../hooks/kiosk-api-context';
import { useTranslation } from '../i18n/use-translation';
import { connectionStatus, type ConnectionStatus } from '../transport/connection-status';
import type { ScreenName } from '../flow/screen-of';
import { LongPressCorner } from '../ui/long-press-corner';

/** How long a dropped connection to the host may last before the page says 暂停服务, in ms (a reload's own reconnect is shorter). */
export const CONNECTION_LOST_AFTER_MS = 700;

/** Screens on which nobody is in a session. */
const NO_SESSION: ReadonlySet<ScreenName> = new Set(['boot', 'attract', 'technicianUnlock', 'technician']);

type StaffCall = 'none' | 'calling' | 'done' | 'failed';

/** Title per reason: 暂未开通服务 for a terminal the platform has not enrolled, 暂停服务 (staff told, for a crash loop) otherwise. */
const TITLE: Record<OutOfServiceReason, string> = {
  'core-restarting': 'outOfService.title',
  'crash-loop': 'outOfService.titleStaffTold',
  'no-catalogue': 'outOfService.title',
  'not-enrolled': 'outOfService.titleNotEnrolled',
  revoked: 'outOfService.title',
  'key-storage-refused': 'outOfService.title',
  'taken-out-of-service': 'outOfService.title',
  'taken-out': 'outOfService.titleStaffTold',
};

/** What the person is told per reason. */
const BODY: Record<OutOfServiceReason, string> = {
  'core-restarting': 'outOfService.restarting',
  'crash-loop': 'outOfService.crashLoop',
  'no-catalogue': 'outOfService.noCatalogue',
  'not-enrolled': 'outOfService.notEnrolled',
  revoked: 'outOfService.revoked',
  'key-storage-refused': 'outOfService.keyStorageRefused',
  'taken-out-of-service': 'outOfService.takenOutOfService',
  'taken-out': 'outOfService.takenOut',
};

/** Props of {@link OutOfService}; `status` and `reload` are seams for tests. */
export interface OutOfServiceProps {
  /** The flow's screen now: a person on any other screen than attract was mid-session. */
  screen: ScreenName;
  /** Opens the technician's unlock (the attract screen's 3 s corner hold, kept over the overlay). Default none. */
  onTechnician?: () => void;
  status?: ConnectionStatus;
  reload?: () => void;
}

/**
 * The terminal says when it is out of service, over every screen: when the
 * host says so (`system.serviceState` at start, `system.onServiceState`
 * after: the core restarting, a crash loop with staff told, no catalogue,
 * not enrolled with a platform that requires it (暂未开通服务), revoked),
 * and when the page's connection to its host has been lost for
 * {@link CONNECTION_LOST_AFTER_MS}. A person who was mid-session is told
 * that the unfinished application has ended and what they filled in is
 * cleared (main wiped it with the core), and that what they submitted is
 * kept (the outbox is durable). The staff-assist entry is always offered.
 * When service comes back the page reloads: a fresh attract screen, a new
 * connection, nothing of the old session left in the renderer. So does a
 * changed `system.info` (`onInfoChanged`: a remote configuration), once the
 * page is on its attract screen.
 */
export function OutOfService({ screen, onTechnician, status = connectionStatus(), reload = () => location.reload() }: OutOfServiceProps) {
  const { t } = useTranslation();
  const api = useKioskApi();
  const [service, setService] = useState<ServiceState>({ inService: true, reason: null });
  const [lost, setLost] = useState(false);
  const [call, setCall] = useState<StaffCall>('none');
  const wasOut = useRef(false);
  const sessionEnded = useRef(false);

  useEffect(() => {
    let live = true;
    api.system.serviceState({}).then(
      (s) => void (live && setService(s)),
      () => undefined,
    );
    const off = api.system.onServiceState((s) => setService(s));
    return () => {
      live = false;
      off();
    };
  }, [api]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let dropped = status.get() === 'closed';
    if (dropped) timer = setTimeout(() => setLost(true), CONNECTION_LOST_AFTER_MS);
    const off = status.subscribe((state) => {
      if (state === 'closed') {
        dropped = true;
        timer ??= setTimeout(() => setLost(true), CONNECTION_LOST_AFTER_MS);
      } else if (state === 'open' && dropped) {
        // A new connection to a host that went away: start afresh.
        reload();
      }
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [status, reload]);

  // A remote configuration applied by the core (always between sessions): taken by a fresh page on the attract screen.
  const [infoChanged, setInfoChanged] = useState(false);
  useEffect(() => api.system.onInfoChanged(() => setInfoChanged(true)), [api]);
  useEffect(() => {
    if (infoChanged && screen === 'attract') reload();
  }, [infoChanged, screen, reload]);

  const reason: OutOfServiceReason | null = lost ? 'core-restarting' : service.inService ? null : service.reason;
  if (reason && !wasOut.current) {
    wasOut.current = true;
    sessionEnded.current = !NO_SESSION.has(screen);
  }
  useEffect(() => {
    if (!reason && wasOut.current) reload();
  }, [reason, reload]);

  // A technician or staff member at work sees their own screen: they are the ones who bring the terminal back.
  if (!reason || screen === 'technician' || screen === 'technicianUnlock') return null;
  const requestStaff = () => {
    if (call === 'calling') return;
    setCall('calling');
    api.system.requestStaff({ screen: 'out-of-service' }).then(
      () => setCall('done'),
      () => setCall('failed'),
    );
  };
  return (
    <div className="overlay out-of-service" role="alertdialog" aria-modal="true" aria-labelledby="oos-title" aria-describedby="oos-body" data-out-of-service={reason}>
      {/* The technician's and staff's way in stays open over the overlay: they are the ones who bring the terminal back. */}
      {screen === 'attract' && onTechnician ? <LongPressCorner label={t('technician.entry')} testId="oos-technician-corner" onLongPress={onTechnician} /> : null}
      <div className="dialog">
        <h2 id="oos-title">{t(TITLE[reason])}</h2>
        <p id="oos-body">{t(BODY[reason])}</p>
        {sessionEnded.current ? <p data-testid="oos-session-ended">{t('outOfService.sessionEnded')}</p> : null}
        <button type="button" className="btn btn-secondary btn-large" data-testid="oos-staff-assist" disabled={call === 'calling'} onClick={requestStaff}>
          {t('bar.staffAssist')}
        </button>
        <p role="status" aria-live="polite">
          {call === 'done' ? <span data-testid="oos-staff-done">{t('bar.staffAssistCalled')}</span> : null}
          {call === 'failed' ? <span data-testid="oos-staff-failed">{t('outOfService.staffNotReached')}</span> : null}
        </p>
      </div>
    </div>
  );
}
