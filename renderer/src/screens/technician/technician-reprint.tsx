import { useEffect } from 'react';
import type { PrintJob } from '../../../../common/contract/schemas';
import { useKioskApi } from '../../hooks/kiosk-api-context';
import { useTranslation } from '../../i18n/use-translation';
import { Bdi } from '../../ui/bdi';
import { useTechnicianCall } from './use-technician-call';

type Jobs = Awaited<ReturnType<ReturnType<typeof useKioskApi>['technician']['printJobs']>>;

/** 补打小票: the journalled receipts that did not come out (failed or cut off), each with 补打; the receipt's content is not shown. */
export function TechnicianReprint() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const [jobs, load] = useTechnicianCall<Jobs>();
  const [reprinted, reprint] = useTechnicianCall<PrintJob>();
  useEffect(() => load(() => api.technician.printJobs({})), [api, load]);
  const list = jobs.kind === 'done' ? jobs.value : null;
  return (
    <div data-testid="technician-section-reprint">
      {list && list.length === 0 ? <p>{t('technician.reprint.empty')}</p> : null}
      {list && list.length > 0 ? (
        <ul className="technician-devices">
          {list.map((j) => (
            <li key={j.jobId} data-testid="technician-print-job" data-job={j.jobId}>
              <span>
                <Bdi>{j.createdAt.slice(0, 19).replace('T', ' ')}</Bdi> {j.reason ? <Bdi>{j.reason}</Bdi> : t(`technician.reprint.state.${j.state}`)}
              </span>
              <button type="button" className="btn btn-secondary" data-testid="technician-reprint-job" disabled={reprinted.kind === 'busy'} onClick={() => reprint(() => api.technician.reprintJob({ jobId: j.jobId }))}>
                {t('technician.reprint.again')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div role="status">
        {reprinted.kind === 'done' ? <p data-testid="technician-reprint-result" data-outcome="ok">{t('technician.reprint.sent')}</p> : null}
        {reprinted.kind === 'error' || jobs.kind === 'error' ? <p data-outcome="failed">{t('technician.actionFailed')}</p> : null}
      </div>
    </div>
  );
}
