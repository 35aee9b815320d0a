import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import type { RatingLevel } from '../../../common/contract/schemas';
import { useFlow } from '../hooks/flow-context';
import { LazyPinyinKeyboard, prefetchPinyinKeyboard } from '../ime/lazy-pinyin-keyboard';
import { ErrorNote } from '../ui/error-note';
import { Screen } from '../ui/screen';

const LEVELS: { level: RatingLevel; testId: string }[] = [
  { level: 'very-satisfied', testId: 'rating-very-satisfied' },
  { level: 'satisfied', testId: 'rating-satisfied' },
  { level: 'basic', testId: 'rating-basic' },
  { level: 'dissatisfied', testId: 'rating-dissatisfied' },
  { level: 'very-dissatisfied', testId: 'rating-very-dissatisfied' },
];

const NEEDS_REASON = new Set<RatingLevel>(['dissatisfied', 'very-dissatisfied']);
/** The contract's limit of a rating reason. */
const REASON_MAX = 500;

/** 好差评: five levels, a reason required for the two lowest. */
export function RatingScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [reason, setReason] = useState('');
  const [typing, setTyping] = useState(false);
  const sending = snapshot.matches({ session: { rating: 'sending' } });
  const needsReason = level !== null && NEEDS_REASON.has(level);
  const canSubmit = level !== null && (!needsReason || reason.trim() !== '') && !sending;
  useEffect(() => {
    if (needsReason) prefetchPinyinKeyboard();
  }, [needsReason]);
  return (
    <Screen name="rating" title={t('rating.title')}>
      <ErrorNote code={snapshot.context.error} />
      <div className="levels" role="radiogroup" aria-labelledby="rating-title">
        {LEVELS.map((l) => (
          <button
            key={l.level}
            type="button"
            role="radio"
            aria-checked={level === l.level}
            className={`level level-${l.level}`}
            data-testid={l.testId}
            onClick={() => setLevel(l.level)}
          >
            {t(`rating.levels.${l.level}`)}
          </button>
        ))}
      </div>
      {needsReason ? (
        <div className="field">
          <label htmlFor="rating-reason">{t('rating.reasonLabel')}</label>
          <textarea
            id="rating-reason"
            data-testid="rating-reason"
            maxLength={REASON_MAX}
            rows={3}
            aria-required="true"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onFocus={() => setTyping(true)}
          />
          {typing ? <LazyPinyinKeyboard value={reason} maxLength={REASON_MAX} onChange={setReason} targetId="rating-reason" testId="rating-ime" /> : null}
          {reason.trim() === '' ? <p className="note">{t('rating.reasonRequired')}</p> : null}
        </div>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary btn-huge"
          data-testid="rating-submit"
          disabled={!canSubmit}
          onClick={() => level && send({ type: 'SUBMIT_RATING', level, reason })}
        >
          {t('rating.submit')}
        </button>
        <button type="button" className="btn btn-secondary btn-large" data-testid="rating-skip" onClick={() => send({ type: 'SKIP_RATING' })}>
          {t('rating.skip')}
        </button>
      </div>
    </Screen>
  );
}
