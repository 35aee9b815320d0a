import { useTranslation } from '../i18n/use-translation';
import type { ServiceSummary } from '../../../common/contract/schemas';
import type { FlowContext } from '../flow/flow-types';
import { isQueryService } from '../flow/query-flow';
import { isServiceAvailable } from '../flow/selectors';
import { fenToYuan } from './format';

/**
 * Services as large touch rows. Offline, the ones that cannot be queued are
 * marked "needs network" and disabled — except queries, whose guide opens and
 * says in full that the answer needs the network (before anything is filled in).
 */
export function ServiceList({
  items,
  connectivity,
  onSelect,
}: {
  items: ServiceSummary[];
  connectivity: FlowContext['connectivity'];
  onSelect(code: string): void;
}) {
  const { t } = useTranslation();
  return (
    <ul className="service-list" role="list">
      {items.map((s) => {
        const available = isServiceAvailable(s, connectivity);
        return (
          <li key={s.code}>
            <button
              type="button"
              className="service-item"
              data-testid="service-item"
              data-code={s.code}
              data-available={available}
              disabled={!available && !isQueryService(s)}
              onClick={() => onSelect(s.code)}
            >
              <span className="service-name">{s.name}</span>
              <span className="service-meta">
                <span>{s.department}</span>
                {s.feeFen > 0 ? <span>{t('common.yuan', { amount: fenToYuan(s.feeFen) })}</span> : null}
                {available ? null : <span className="badge badge-offline">{t('home.needsNetwork')}</span>}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
