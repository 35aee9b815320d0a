import type { PinyinCandidate } from '../../../common/contract/schemas';
import type { TextSelection } from '../ui/text-edit';
import { initialImeState, reduceIme, type ImeAction, type ImeField, type ImeMode, type ImeState } from './ime-state';

/** How many candidates are asked of the core per composition (the bar pages through them). */
export const IME_FETCH_LIMIT = 50;

/** Options of {@link createImeController}. */
export interface ImeControllerOptions {
  /** Asks the core for candidates (`input.candidates`). */
  candidates(pinyin: string, limit: number): Promise<PinyinCandidate[]>;
  /** The field's value changed (a candidate, letters or a deletion went in); `caret` is where its caret goes (UTF-16 offset). */
  onChange(value: string, caret: number): void;
  /**
   * The field's selection now, if it shows `value` (read when a key is
   * pressed, so a caret the person moved is honoured); null or missing: the
   * end, or where the last edit left it.
   */
  selection?(value: string): TextSelection | null;
  /** The input method's state changed (for rendering). */
  onState(state: ImeState): void;
  /** The mode the keyboard opens in; missing: `pinyin`. */
  mode?: ImeMode;
}

/** Handle of {@link createImeController}. */
export interface ImeController {
  readonly state: ImeState;
  /** The field as the screen holds it now (its value may change from elsewhere); its selection is then read at the next key. */
  setField(field: ImeField): void;
  dispatch(action: Exclude<ImeAction, { type: 'candidates' }>): void;
}

/**
 * Runs {@link reduceIme} against a field and the core: every change of the
 * composition asks for candidates at once (no debounce: a lookup takes well
 * under a millisecond in the core), and an answer is applied only when it is
 * for the composition shown now. Keeps the latest value and caret itself,
 * so two taps before the screen re-renders do not overwrite each other.
 */
export function createImeController(field: ImeField, options: ImeControllerOptions): ImeController {
  let state = initialImeState(options.mode ?? 'pinyin');
  let current = field;
  let requested = '';

  const apply = (action: ImeAction) => {
    const field = current.selection ? current : { ...current, selection: options.selection?.(current.value) ?? null };
    const next = reduceIme(state, field, action);
    const changedValue = next.value !== field.value;
    const changedState = next.state !== state;
    state = next.state;
    if (changedValue) {
      current = { ...field, value: next.value, selection: { start: next.caret, end: next.caret } };
      options.onChange(next.value, next.caret);
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
