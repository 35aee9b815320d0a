import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { CatalogueTexts } from '../i18n/catalogue-text';
import { useCatalogueTexts } from '../hooks/use-catalogue-texts';
import { ChineseOnlyNotice } from '../ui/chinese-only-notice';
import { Screen } from '../ui/screen';

/** "Tell once" (一次性告知): every problem the pre-check found, in one list. */
export function PrecheckScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const { problems, bundle } = snapshot.context;
  const texts = useCatalogueTexts();
  // The single item, or the bundle's combined form (一件事一次办), looked up
  // quietly: only the labels of the problems listed count for the notice.
  const service = new CatalogueTexts(texts.locale).application(snapshot.context.service, bundle);
  const itemName = (code: string | null | undefined) => {
    const item = code ? bundle?.items.find((i) => i.code === code) : undefined;
    return item ? texts.pick(item.name, texts.textOf(item.i18n)?.name) : (code ?? null);
  };
  const nameOf = (target: 'field' | 'material', id: string, itemCode?: string | null) => {
    const field = target === 'field' ? service?.form.find((f) => f.id === id) : undefined;
    const material = target === 'material' ? service?.materials.find((m) => m.id === id) : undefined;
    texts.note(field?.labelChineseOnly ?? material?.nameChineseOnly ?? false);
    const name = field?.label ?? material?.name ?? id;
    const item = itemName(itemCode);
    return item ? t('precheck.itemField', { name, item }) : name;
  };
  // Every line first, so the notice knows whether any of them is Chinese-only.
  const lines = problems.map((p) => ({ p, text: t(`precheck.${p.problem}`, { name: nameOf(p.target, p.id, p.itemCode) }) }));
  return (
    <Screen name="precheck" title={t('precheck.title')}>
      <p className="lead">{t('precheck.intro')}</p>
      <ChineseOnlyNotice show={texts.chineseOnly} />
      <ol className="problems">
        {lines.map(({ p, text }) => (
          <li
            key={`${p.target}:${p.id}:${p.problem}:${p.itemCode ?? ''}`}
            data-testid="precheck-problem"
            data-target={p.target}
            data-id={p.id}
            data-problem={p.problem}
            data-item={p.itemCode ?? undefined}
          >
            {text}
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-primary btn-huge" data-testid="precheck-back" onClick={() => send({ type: 'BACK' })}>
        {t('precheck.backToForm')}
      </button>
    </Screen>
  );
}
