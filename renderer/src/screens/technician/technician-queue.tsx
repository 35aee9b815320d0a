import { useEffect } from 'react';
import type { AttentionItem } from '../../../../common/contract/technician-schemas';
import { useKioskApi } from '../../hooks/kiosk-api-context';
import { useTranslation } from '../../i18n/use-translation';
import { Bdi } from '../../ui/bdi';
import { useTechnicianCall } from './use-technician-call';

type Api = ReturnType<typeof useKioskApi>['technician'];
type RetryAnswer = Awaited<ReturnType<Api['retryAttention']>>;
type ExportAnswer = Awaited<ReturnType<Api['exportAttention']>>;

/**
 * 待处理: the items the platform refused (ids, kind, reason, time; never
 * their content), each with 重发, and 导出 (a file sealed to the platform
 * key for support), the same operations as `kioskctl queue`.
 */
export function TechnicianQueue() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const [items, load] = useTechnicianCall<AttentionItem[]>();
  const [retried, retry] = useTechnicianCall<RetryAnswer>();
  const [exported, exportAll] = useTechnicianCall<ExportAnswer>();
  useEffect(() => load(() => api.technician.attention({})), [api, load]);
  useEffect(() => {
    if (retried.kind === 'done') load(() => api.technician.attention({}));
  }, [retried, api, load]);
  const list = items.kind === 'done' ? items.value : null;
  return (
    <div data-testid="technician-section-queue">
      {list && list.length === 0 ? <p data-testid="technician-attention-empty">{t('technician.queue.empty')}</p> : null}
      {list && list.length > 0 ? (
        <ul className="technician-devices" data-testid="technician-attention">
          {list.map((i) => (
            <li key={i.id} data-testid="technician-attention-item" data-id={i.id}>
              <span>
                {t(`technician.queue.kind.${i.kind === 'transaction' || i.kind === 'rating' ? i.kind : 'telemetry'}`)} <Bdi>{`#${i.seq}`}</Bdi> <Bdi>{i.reason}</Bdi>
              </span>
              <button type="button" className="btn btn-secondary" data-testid="technician-retry" disabled={retried.kind === 'busy'} onClick={() => retry(() => api.technician.retryAttention({ id: i.id }))}>
                {t('technician.queue.retry')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="actions">
        <button type="button" className="btn btn-primary btn-large" data-testid="technician-export" disabled={exported.kind === 'busy'} onClick={() => exportAll(() => api.technician.exportAttention({}))}>
          {t('technician.queue.export')}
        </button>
      </div>
      <div role="status">
        {retried.kind === 'done' ? (
          <p data-testid="technician-retry-result" data-outcome={retried.value.outcome}>
            {t(`technician.queue.outcome.${retried.value.outcome}`)}
          </p>
        ) : null}
        {exported.kind === 'done' ? (
          <p data-testid="technician-export-result" data-outcome={exported.value.ok ? 'ok' : exported.value.reason}>
            {exported.value.ok ? (
              <>
                {t('technician.queue.exported', { count: exported.value.items })} <Bdi>{exported.value.file}</Bdi>
              </>
            ) : (
              t(`technician.queue.exportFailed.${exported.value.reason}`)
            )}
          </p>
        ) : null}
        {[items, retried, exported].some((s) => s.kind === 'error') ? <p data-outcome="failed">{t('technician.actionFailed')}</p> : null}
      </div>
    </div>
  );
}
