import { useTranslation } from '../i18n/use-translation';
import type { FormField as Field, MaskedIdentity } from '../../../common/contract/schemas';
import type { ShownField } from '../i18n/catalogue-text';

/** What a pre-filled field shows: the masked identity value; the core fills in the real one. */
function prefillDisplay(field: Field, identity: MaskedIdentity | null, fallback: string): string {
  if (field.prefill === 'name') return identity?.maskedName ?? fallback;
  if (field.prefill === 'idNumber') return identity?.maskedIdNumber ?? fallback;
  return fallback;
}

const INPUT_TYPES: Record<Field['kind'], string> = { text: 'text', phone: 'tel', number: 'text', date: 'date', select: 'text' };
const INPUT_MODES: Record<Field['kind'], 'text' | 'tel' | 'numeric'> = { text: 'text', phone: 'tel', number: 'numeric', date: 'text', select: 'text' };

/** Id of the input (or select) of form field `fieldId`, for labels and the on-screen keyboards. */
export function fieldInputId(fieldId: string): string {
  return `field-${fieldId}`;
}

/** One form field: read-only and masked when pre-filled from the identity, otherwise an input or a select. */
export function FormField({
  field,
  value,
  identity,
  invalid,
  onChange,
  onFocus,
}: {
  /** The field as shown (label and option texts in the person's language); the value stays the Chinese option. */
  field: ShownField;
  value: string;
  identity: MaskedIdentity | null;
  invalid: boolean;
  onChange(value: string): void;
  /** The field received focus (the form shows a keypad for phone and number fields). */
  onFocus(): void;
}) {
  const { t } = useTranslation();
  const id = fieldInputId(field.id);
  const common = {
    id,
    'data-testid': `form-field-${field.id}`,
    'aria-invalid': invalid || undefined,
    'aria-required': field.required || undefined,
    onFocus,
  };
  return (
    <div className={`field ${field.prefill ? 'field-prefilled' : ''}`}>
      <label htmlFor={id}>
        <span>{field.label}</span>
        {field.required && !field.prefill ? <span className="badge badge-required">{t('form.required')}</span> : null}
        {field.prefill ? <span className="badge">{t('form.prefilled')}</span> : null}
      </label>
      {field.prefill ? (
        <input {...common} type="text" readOnly value={prefillDisplay(field, identity, t('form.prefilled'))} />
      ) : field.kind === 'select' ? (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('form.choose')}</option>
          {(field.options ?? []).map((o) => (
            <option key={o} value={o}>
              {field.optionLabels[o] ?? o}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={INPUT_TYPES[field.kind]}
          inputMode={INPUT_MODES[field.kind]}
          autoComplete="off"
          maxLength={field.maxLength}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}
