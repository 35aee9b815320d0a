import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { applicationOf, chosenItems } from '../flow/bundle';
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
  // The single item, or the bundle's combined form (一件事一次办).
  const service = applicationOf(snapshot.context);
  const revealing = snapshot.matches({ session: { confirm: 'revealing' } });
  if (!service) return <Screen name="confirm">{null}</Screen>;
  const entered = service.form.filter((f) => !f.prefill);
  return (
    <Screen name="confirm" title={t('confirm.title')}>
      <ErrorNote code={error} />
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
              {chosenItems(bundle).map((i) => (
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
                <Bdi testId={`confirm-field-${f.id}`}>{revealed ? (form[f.id] ?? '') : maskFieldValue(f, form[f.id] ?? '')}</Bdi>
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
