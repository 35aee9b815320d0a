import type { PinyinCandidate } from '../../../common/contract/schemas';
import { INITIAL_IME_STATE, reduceIme, type ImeAction, type ImeField, type ImeState } from './ime-state';

/** How many candidates are asked of the core per composition (the bar pages through them). */
export const IME_FETCH_LIMIT = 50;

/** Options of {@link createImeController}. */
export interface ImeControllerOptions {
  /** Asks the core for candidates (`input.candidates`). */
  candidates(pinyin: string, limit: number): Promise<PinyinCandidate[]>;
  /** The field's value changed (a candidate, letters or a deletion went in). */
  onChange(value: string): void;
  /** The input method's state changed (for rendering). */
  onState(state: ImeState): void;
}

/** Handle of {@link createImeController}. */
export interface ImeController {
  readonly state: ImeState;
  /** The field as the screen holds it now (its value may change from elsewhere). */
  setField(field: ImeField): void;
  dispatch(action: Exclude<ImeAction, { type: 'candidates' }>): void;
}

/**
 * Runs {@link reduceIme} against a field and the core: every change of the
 * composition asks for candidates at once (no debounce: a lookup takes well
 * under a millisecond in the core), and an answer is applied only when it is
 * for the composition shown now. Keeps the latest value itself, so two taps
 * before the screen re-renders do not overwrite each other.
 */
export function createImeController(field: ImeField, options: ImeControllerOptions): ImeController {
  let state = INITIAL_IME_STATE;
  let current = field;
  let requested = '';

  const apply = (action: ImeAction) => {
    const next = reduceIme(state, current, action);
    const changedValue = next.value !== current.value;
    const changedState = next.state !== state;
    state = next.state;
    if (changedValue) {
      current = { ...current, value: next.value };
      options.onChange(next.value);
    }
    if (changedState) {
      options.onState(state);
      request();
    }
  };

  const request = () => {
    const pinyin = state.composition;
    if (pinyin === '' || state.candidatesFor === pinyin || requested === pinyin) return;
    requested = pinyin;
    options.candidates(pinyin, IME_FETCH_LIMIT).then(
      (candidates) => apply({ type: 'candidates', forComposition: pinyin, candidates }),
      () => apply({ type: 'candidates', forComposition: pinyin, candidates: [] }),
    );
  };

  return {
    get state() {
      return state;
    },
    setField(next) {
      current = next;
    },
    dispatch: apply,
  };
}
