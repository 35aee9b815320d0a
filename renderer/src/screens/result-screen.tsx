import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { feeProgress } from '../flow/dues';
import { useCatalogueTexts } from '../hooks/use-catalogue-texts';
import { ChineseOnlyNotice } from '../ui/chinese-only-notice';
import { Icon } from '../ui/icons';
import { AutoAdvance } from '../ui/auto-advance';
import { Bdi } from '../ui/bdi';
import { Screen } from '../ui/screen';

/** Submitted (delivered) or saved for later (queued), with the receipt number; on to the fees when a bundle has some to pay, else to the receipt. */
export function ResultScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const { result, bundle } = snapshot.context;
  const toPay = feeProgress(snapshot.context).current !== null;
  const texts = useCatalogueTexts();
  // Each item's name in the person's language, from the bundle's loaded details.
  const items =
    bundle?.result?.items.map((i) => {
      const item = bundle.items.find((d) => d.code === i.serviceCode);
      return { ...i, serviceName: item ? texts.pick(item.name, texts.textOf(item.i18n)?.name) : i.serviceName };
    }) ?? null;
  if (!result) return <Screen name="result">{null}</Screen>;
  const queued = result.status === 'queued';
  return (
    <Screen name="result">
      <div className={`result result-${result.status}`}>
        <Icon name={queued ? 'shield' : 'check'} size={120} />
        <h1 className="screen-title" data-testid="result-status" data-status={result.status}>
          {queued ? t('result.queued') : t('result.delivered')}
        </h1>
        <p className="lead">{queued ? t('result.queuedBody') : t('result.deliveredBody')}</p>
        <ChineseOnlyNotice show={texts.chineseOnly} />
        {items ? (
          <section className="review bundle-result" aria-labelledby="result-items">
            <h2 id="result-items">{t('result.items')}</h2>
            <ul className="bundle-list">
              {items.map((i) => (
                <li key={i.id} data-testid="bundle-result-item" data-code={i.serviceCode} data-status={i.status}>
                  <span className="bundle-item-name">{i.serviceName}</span>
                  <strong data-testid="receipt-number">
                    <Bdi>{i.receiptNumber}</Bdi>
                  </strong>
                  <span className={`badge ${i.status === 'delivered' ? 'badge-ok' : 'badge-offline'}`}>
                    {i.status === 'delivered' ? t('result.itemDelivered') : t('result.itemQueued')}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : (
          <p className="receipt">
            <span>{t('result.receiptNumber')}</span>
            <strong data-testid="receipt-number">
              <Bdi>{result.receiptNumber}</Bdi>
            </strong>
          </p>
        )}
      </div>
      <button type="button" className="btn btn-primary btn-huge" data-testid="result-continue" onClick={() => send({ type: 'CONTINUE' })}>
        {t(toPay ? 'result.continueToPay' : 'result.continue')}
      </button>
      <AutoAdvance ms={snapshot.context.timing.resultMs} care={snapshot.context.care} />
    </Screen>
  );
}
