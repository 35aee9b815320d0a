import { useTranslation } from 'react-i18next';
import { useFlow } from '../app/flow-context';
import { Screen } from '../ui/screen';

/** "Tell once" (一次性告知): every problem the pre-check found, in one list. */
export function PrecheckScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const { problems, service } = snapshot.context;
  const nameOf = (target: 'field' | 'material', id: string) =>
    (target === 'field' ? service?.form.find((f) => f.id === id)?.label : service?.materials.find((m) => m.id === id)?.name) ?? id;
  return (
    <Screen name="precheck" title={t('precheck.title')}>
      <p className="lead">{t('precheck.intro')}</p>
      <ol className="problems">
        {problems.map((p) => (
          <li key={`${p.target}:${p.id}`} data-testid="precheck-problem" data-target={p.target} data-id={p.id} data-problem={p.problem}>
            {t(`precheck.${p.problem}`, { name: nameOf(p.target, p.id) })}
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-primary btn-huge" data-testid="precheck-back" onClick={() => send({ type: 'BACK' })}>
        {t('precheck.backToForm')}
      </button>
    </Screen>
  );
}
