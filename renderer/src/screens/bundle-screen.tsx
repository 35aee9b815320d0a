import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { bundleItemBlocker, canStartBundle } from '../flow/bundle';
import { useCatalogueTexts } from '../hooks/use-catalogue-texts';
import { ChineseOnlyNotice } from '../ui/chinese-only-notice';
import { ErrorNote } from '../ui/error-note';
import { fenToYuan } from '../ui/format';
import { Screen } from '../ui/screen';

/**
 * A life-event bundle ("一件事一次办"): the event's services with checkboxes,
 * every one that can be applied for now ticked; the others unticked, disabled
 * and marked why; a service with a fee shows the amount (paid after submit).
 * Then one form for all ticked services.
 */
export function BundleScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const { bundle, connectivity, error } = snapshot.context;
  const texts = useCatalogueTexts();
  const title = bundle ? texts.named(bundle).name : '';

  if (snapshot.matches({ session: { bundle: 'failed' } })) {
    return (
      <Screen name="bundle" title={title}>
        <ErrorNote code={error} />
        <button type="button" className="btn btn-primary btn-large" data-testid="bundle-retry" onClick={() => send({ type: 'RETRY' })}>
          {t('common.retry')}
        </button>
      </Screen>
    );
  }
  if (!bundle || !snapshot.matches({ session: { bundle: 'ready' } })) {
    return (
      <Screen name="bundle" title={title}>
        <p className="busy" role="status">
          {t('common.loading')}
        </p>
      </Screen>
    );
  }
  const ready = canStartBundle(bundle, connectivity);
  const shown = new Map(bundle.items.map((i) => [i.code, texts.summary(i)]));
  return (
    <Screen name="bundle" title={title}>
      <ChineseOnlyNotice show={texts.chineseOnly} />
      <p className="lead">{t('bundle.intro')}</p>
      <fieldset className="checklist bundle-items">
        <legend>{t('bundle.items')}</legend>
        {bundle.items.map((item) => {
          const blocker = bundleItemBlocker(item, connectivity);
          const chosen = bundle.chosen.includes(item.code);
          return (
            <label key={item.code} className={`check ${blocker ? 'check-disabled' : ''}`} data-testid="bundle-item" data-code={item.code} data-available={blocker === null}>
              <input
                type="checkbox"
                data-testid={`bundle-item-${item.code}`}
                checked={chosen}
                disabled={blocker !== null && !chosen}
                onChange={(e) => send({ type: 'BUNDLE_ITEM_TOGGLED', code: item.code, chosen: e.target.checked })}
              />
              <span className="check-label">{shown.get(item.code)!.name}</span>
              <span className="material-note">{shown.get(item.code)!.department}</span>
              {item.feeFen > 0 ? (
                <span className="badge" data-testid="bundle-item-fee" data-fen={item.feeFen}>
                  {t('bundle.feeDue', { amount: t('common.yuan', { amount: fenToYuan(item.feeFen) }) })}
                </span>
              ) : null}
              {blocker ? (
                <span className="badge badge-offline" data-testid="bundle-item-blocker" data-blocker={blocker}>
                  {t(blocker === 'query' ? 'bundle.queryApart' : 'bundle.needsNetwork')}
                </span>
              ) : null}
            </label>
          );
        })}
      </fieldset>
      {bundle.chosen.length === 0 ? (
        <p className="note note-warn" role="status" data-testid="bundle-none">
          {t('bundle.noneChosen')}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary btn-huge"
          data-testid="bundle-start"
          disabled={!ready}
          onClick={() => send({ type: 'START_APPLICATION' })}
        >
          {t('bundle.start', { count: bundle.chosen.length })}
        </button>
        <button type="button" className="btn btn-secondary btn-large" data-testid="back-button" onClick={() => send({ type: 'BACK' })}>
          {t('common.back')}
        </button>
      </div>
    </Screen>
  );
}
