import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { LazyPinyinKeyboard, prefetchPinyinKeyboard } from '../ime/lazy-pinyin-keyboard';
import { useCatalogueTexts } from '../hooks/use-catalogue-texts';
import { ChineseOnlyNotice } from '../ui/chinese-only-notice';
import { ErrorNote } from '../ui/error-note';
import { OnScreenKeyboard } from '../ui/on-screen-keyboard';
import { Screen } from '../ui/screen';
import { FormField, fieldInputId } from './form-field';
import { materialRoute } from '../../../common/domain/material-route';

/** The application form (pre-filled identity fields masked and read-only) and the materials checklist. */
export function FormScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const { form, materials, identity, problems, error } = snapshot.context;
  // The single item's form, or the bundle's combined form (一件事一次办).
  const texts = useCatalogueTexts();
  const service = texts.application(snapshot.context.service, snapshot.context.bundle);
  const checking = snapshot.matches({ session: 'checking' });
  const [focused, setFocused] = useState<string | null>(null);
  const hasTextField = service?.form.some((f) => f.kind === 'text' && !f.prefill) ?? false;
  useEffect(() => {
    if (hasTextField) prefetchPinyinKeyboard();
  }, [hasTextField]);
  if (!service) return <Screen name="form">{null}</Screen>;
  const keypadField = service.form.find((f) => f.id === focused && !f.prefill && (f.kind === 'phone' || f.kind === 'number'));
  // Free text gets the pinyin keyboard: a kiosk has no system input method.
  const imeField = service.form.find((f) => f.id === focused && !f.prefill && f.kind === 'text');
  const problemIds = new Set(problems.map((p) => `${p.target}:${p.id}`));
  return (
    <Screen name="form" title={`${t('form.title')} · ${service.name}`}>
      <ErrorNote code={error} />
      <ChineseOnlyNotice show={texts.chineseOnly} />
      <form
        className="app-form"
        onSubmit={(e) => {
          e.preventDefault();
          send({ type: 'PRECHECK' });
        }}
      >
        <div className="fields">
          {service.form.map((f) => (
            <FormField
              key={f.id}
              field={f}
              value={form[f.id] ?? ''}
              identity={identity}
              invalid={problemIds.has(`field:${f.id}`)}
              onChange={(value) => send({ type: 'FIELD_CHANGED', id: f.id, value })}
              onFocus={() => setFocused(f.id)}
            />
          ))}
        </div>
        {keypadField ? (
          <OnScreenKeyboard
            layout="digits"
            value={form[keypadField.id] ?? ''}
            maxLength={keypadField.maxLength}
            onChange={(value) => send({ type: 'FIELD_CHANGED', id: keypadField.id, value })}
            targetId={fieldInputId(keypadField.id)}
            testId="form-keypad"
          />
        ) : null}
        {imeField ? (
          <LazyPinyinKeyboard
            key={imeField.id}
            value={form[imeField.id] ?? ''}
            maxLength={imeField.maxLength}
            onChange={(value) => send({ type: 'FIELD_CHANGED', id: imeField.id, value })}
            targetId={fieldInputId(imeField.id)}
            testId="form-ime"
          />
        ) : null}
        <fieldset className="checklist">
          <legend>{t('form.materialsTitle')}</legend>
          {service.materials.map((m) =>
            materialRoute(m) === 'window' ? (
              // Handed in at the window: this terminal cannot capture it, so there is nothing to tick.
              <p key={m.id} className="check check-window" data-testid={`material-window-${m.id}`}>
                <span className="check-label">{m.name}</span>
                <span className="material-note">{t('guide.atWindow')}</span>
                {m.required ? <span className="badge badge-required">{t('guide.required')}</span> : null}
              </p>
            ) : (
              <label key={m.id} className={`check ${problemIds.has(`material:${m.id}`) ? 'check-problem' : ''}`}>
                <input
                  type="checkbox"
                  data-testid={`material-${m.id}`}
                  checked={materials[m.id] ?? false}
                  disabled={m.electronic}
                  onChange={(e) => send({ type: 'MATERIAL_TOGGLED', id: m.id, provided: e.target.checked })}
                />
                <span className="check-label">{m.name}</span>
                {m.electronic ? <span className="material-note">{t('form.electronic')}</span> : null}
                {m.required ? <span className="badge badge-required">{t('guide.required')}</span> : null}
              </label>
            ),
          )}
        </fieldset>
        <div className="actions">
          <button type="submit" className="btn btn-primary btn-huge" data-testid="precheck-button" disabled={checking}>
            {checking ? t('form.checking') : t('form.precheck')}
          </button>
          <button type="button" className="btn btn-secondary btn-large" data-testid="back-button" onClick={() => send({ type: 'BACK' })}>
            {t('common.back')}
          </button>
        </div>
      </form>
    </Screen>
  );
}
