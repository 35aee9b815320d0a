import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { applicationOf, chosenItems } from '../flow/bundle';
import { CatalogueTexts, type ShownField } from '../i18n/catalogue-text';
import { useCatalogueTexts } from '../hooks/use-catalogue-texts';
import { ChineseOnlyNotice } from '../ui/chinese-only-notice';
import { maskFieldValue } from '../../../common/domain/masking';
import { Bdi } from '../ui/bdi';
import { ErrorNote } from '../ui/error-note';
import { Icon } from '../ui/icons';
import { Screen } from '../ui/screen';
import { materialRoute } from '../../../common/domain/material-route';

/** Review before submitting; the only place the person's own unmasked data can be shown (显示 toggle). */
export function ConfirmScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const { identity, revealed, form, materials, error, connectivity, bundle } = snapshot.context;
  const texts = useCatalogueTexts();
  // The single item, or the bundle's combined form (一件事一次办), looked up
  // quietly: what this screen lists (not the pre-filled fields) counts for the notice.
  const service = new CatalogueTexts(texts.locale).application(snapshot.context.service, bundle);
  const revealing = snapshot.matches({ session: { confirm: 'revealing' } });
  if (!service) return <Screen name="confirm">{null}</Screen>;
  const entered = service.form.filter((f) => !f.prefill);
  texts.note(service.nameChineseOnly);
  for (const f of entered) texts.note(f.labelChineseOnly);
  for (const m of service.materials) texts.note(m.nameChineseOnly);
  // A chosen option is shown in the person's language (the Chinese value is what is sent).
  const shownValue = (f: ShownField): string => {
    const value = form[f.id] ?? '';
    if (f.kind === 'select') {
      texts.note(texts.isChineseOnly(value, f.optionLabels[value]));
      return f.optionLabels[value] ?? value;
    }
    // Masked by the Chinese label: the rule knows 银行账号, not every language's word for it.
    const chinese = applicationOf(snapshot.context)?.form.find((c) => c.id === f.id) ?? f;
    return revealed ? value : maskFieldValue(chinese, value);
  };
  // Every shown value first, so the notice knows whether any of them is Chinese-only.
  const values = Object.fromEntries(entered.map((f) => [f.id, shownValue(f)]));
  const bundleItems = bundle ? chosenItems(bundle).map((i) => ({ code: i.code, name: texts.pick(i.name, texts.textOf(i.i18n)?.name) })) : [];
  return (
    <Screen name="confirm" title={t('confirm.title')}>
      <ErrorNote code={error} />
      <ChineseOnlyNotice show={texts.chineseOnly} />
      <section className="review" aria-labelledby="confirm-identity">
        <h2 id="confirm-identity">{t('confirm.identity')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('confirm.name')}</dt>
            <dd>
              <Bdi testId="confirm-name">{revealed ? revealed.name : identity?.maskedName}</Bdi>
            </dd>
          </div>
          <div>
            <dt>{t('confirm.idNumber')}</dt>
            <dd>
              <Bdi testId="confirm-id-number">{revealed ? revealed.idNumber : identity?.maskedIdNumber}</Bdi>
            </dd>
          </div>
        </dl>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="reveal-toggle"
          aria-pressed={revealed !== null}
          disabled={revealing}
          onClick={() => send({ type: 'REVEAL_TOGGLE' })}
        >
          <Icon name="eye" size={32} />
          <span>{revealed ? t('confirm.hide') : t('confirm.show')}</span>
        </button>
        {revealed ? <p className="note note-warn">{t('confirm.revealHint')}</p> : null}
      </section>
      <section className="review" aria-labelledby="confirm-service">
        <h2 id="confirm-service">{t('confirm.service')}</h2>
        <p className="lead">{service.name}</p>
        {bundle ? (
          <>
            <h3>{t('confirm.bundleItems')}</h3>
            <ul className="bundle-list" data-testid="confirm-bundle-items">
              {bundleItems.map((i) => (
                <li key={i.code}>{i.name}</li>
              ))}
            </ul>
          </>
        ) : null}
        <dl className="facts">
          {entered.map((f) => (
            <div key={f.id}>
              <dt>{f.label}</dt>
              <dd>
                {/* Account and document numbers are masked like the ID number until 显示; the phone stays readable. */}
                <Bdi testId={`confirm-field-${f.id}`}>{values[f.id]}</Bdi>
              </dd>
            </div>
          ))}
          {service.materials.map((m) => (
            <div key={m.id}>
              <dt>{m.name}</dt>
              <dd data-testid={`confirm-material-${m.id}`}>{materialRoute(m) === 'window' ? t('confirm.atWindow') : materials[m.id] ? t('confirm.provided') : t('confirm.notProvided')}</dd>
            </div>
          ))}
        </dl>
      </section>
      <div className="actions">
        <button type="button" className="btn btn-primary btn-huge" data-testid="confirm-submit" onClick={() => send({ type: 'SUBMIT' })}>
          {connectivity === 'offline' ? t('confirm.submitQueued') : t('confirm.submit')}
        </button>
        <button type="button" className="btn btn-secondary btn-large" data-testid="back-button" onClick={() => send({ type: 'BACK' })}>
          {t('confirm.edit')}
        </button>
      </div>
    </Screen>
  );
}
