import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { applicationOf } from '../flow/bundle';
import { Screen } from '../ui/screen';

/** "Tell once" (一次性告知): every problem the pre-check found, in one list. */
export function PrecheckScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const { problems, bundle } = snapshot.context;
  // The single item, or the bundle's combined form (一件事一次办).
  const service = applicationOf(snapshot.context);
  const itemName = (code: string | null | undefined) => (code ? (bundle?.items.find((i) => i.code === code)?.name ?? code) : null);
  const nameOf = (target: 'field' | 'material', id: string, itemCode?: string | null) => {
    const name = (target === 'field' ? service?.form.find((f) => f.id === id)?.label : service?.materials.find((m) => m.id === id)?.name) ?? id;
    const item = itemName(itemCode);
    return item ? t('precheck.itemField', { name, item }) : name;
  };
  return (
    <Screen name="precheck" title={t('precheck.title')}>
      <p className="lead">{t('precheck.intro')}</p>
      <ol className="problems">
        {problems.map((p) => (
          <li
            key={`${p.target}:${p.id}:${p.problem}:${p.itemCode ?? ''}`}
            data-testid="precheck-problem"
            data-target={p.target}
            data-id={p.id}
            data-problem={p.problem}
            data-item={p.itemCode ?? undefined}
          >
            {t(`precheck.${p.problem}`, { name: nameOf(p.target, p.id, p.itemCode) })}
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-primary btn-huge" data-testid="precheck-back" onClick={() => send({ type: 'BACK' })}>
        {t('precheck.backToForm')}
      </button>
    </Screen>
  );
}
