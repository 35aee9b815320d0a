import type { PinyinCandidate } from '../../../common/contract/schemas';
import { clampSelection, deleteBackward, fitsAt, insertText, roomAt, type TextSelection } from '../ui/text-edit';
import { isUyghurKeyChar } from './uyghur-layout';

/** Candidates per page of the candidate bar. */
export const IME_PAGE_SIZE = 8;
/** Longest composition (the core accepts at most 40 letters). */
export const IME_MAX_COMPOSITION = 40;

/**
 * What the letter keys type: `pinyin` builds a composition turned into
 * Chinese, `latin` types Latin letters, `uyghur` types the letters of the
 * Uyghur layout straight into the field.
 */
export type ImeMode = 'pinyin' | 'latin' | 'uyghur';

/** The modes in the order the keyboard offers them. */
export const IME_MODES: readonly ImeMode[] = ['pinyin', 'latin', 'uyghur'];

/** State of the on-screen pinyin input method for one field. */
export interface ImeState {
  /** `pinyin`: letters go into the composition; `latin` and `uyghur`: letters go straight into the field. */
  mode: ImeMode;
  /** Uyghur mode: the letter keys show and type their shifted level (released after one letter). */
  shift: boolean;
  /** The typed letters not yet turned into Chinese (the "pinyin buffer"). */
  composition: string;
  /** Candidates for {@link candidatesFor}, most likely first. */
  candidates: PinyinCandidate[];
  /** The composition the candidates belong to; differs from `composition` while a request is on its way. */
  candidatesFor: string;
  /** Page of the candidate bar, from 0. */
  page: number;
}

/** What the person does on the keyboard, and the core's answer. */
export type ImeAction =
  /** A letter key: a-z in pinyin and latin mode, a character of the Uyghur layout in uyghur mode. */
  | { type: 'letter'; letter: string }
  /** A digit or other character typed straight into the field (never into the composition). */
  | { type: 'char'; char: string }
  | { type: 'backspace' }
  /** Space / confirm: commits the composition as raw letters, or types a space when there is none. */
  | { type: 'space' }
  | { type: 'clear' }
  /** Picks candidate `index` (over all pages) of the current candidates. */
  | { type: 'pick'; index: number }
  | { type: 'nextPage' }
  | { type: 'prevPage' }
  /** Switches what the letter keys type; leaving pinyin keeps the composition as letters. */
  | { type: 'setMode'; mode: ImeMode }
  /** Uyghur mode: shows (or hides) the shifted level of the letter keys. */
  | { type: 'shift' }
  | { type: 'candidates'; forComposition: string; candidates: PinyinCandidate[] };

/** The field's value, its limit and its selection, which the input method edits but does not own. */
export interface ImeField {
  value: string;
  maxLength: number;
  /** Where text goes in (UTF-16 offsets); missing or null: at the end. */
  selection?: TextSelection | null;
}

/** What {@link reduceIme} returns: the next state, the field's next value and its caret (UTF-16 offset). */
export interface ImeResult {
  state: ImeState;
  value: string;
  caret: number;
}

export const INITIAL_IME_STATE: ImeState = { mode: 'pinyin', shift: false, composition: '', candidates: [], candidatesFor: '', page: 0 };

/** The mode a keyboard opens in for the kiosk's language: Uyghur letters for `ug`, pinyin otherwise. */
export function initialImeMode(locale: string): ImeMode {
  return locale === 'ug' ? 'uyghur' : 'pinyin';
}

/** The initial state in `mode`. */
export function initialImeState(mode: ImeMode): ImeState {
  return { ...INITIAL_IME_STATE, mode };
}

/** True when `text` fits into the field in place of its selection. */
export function fits(field: ImeField, text: string): boolean {
  return fitsAt(field.value, field.selection, text, field.maxLength);
}

/** Number of candidate pages (at least 1). */
export function pageCount(state: ImeState): number {
  return Math.max(1, Math.ceil(state.candidates.length / IME_PAGE_SIZE));
}

/** The candidates of the current page, with their index over all pages; empty while the answer for the composition is pending. */
export function visibleCandidates(state: ImeState): Array<PinyinCandidate & { index: number }> {
  if (state.composition === '' || state.candidatesFor !== state.composition) return [];
  const start = state.page * IME_PAGE_SIZE;
  return state.candidates.slice(start, start + IME_PAGE_SIZE).map((c, i) => ({ ...c, index: start + i }));
}

/** True while the answer for the current composition has not arrived. */
export function isPending(state: ImeState): boolean {
  return state.composition !== '' && state.candidatesFor !== state.composition;
}

function withComposition(state: ImeState, composition: string): ImeState {
  return { ...state, composition, page: 0 };
}

/**
 * The input method as a pure function: the next state, the field's next
 * value and caret. Letters build the composition (pinyin mode) or go into
 * the field at its caret (latin and uyghur mode; a Uyghur letter releases
 * shift); picking a candidate inserts it at the
 * caret (replacing a selection) and consumes the letters it stands for, the
 * rest stays to be picked next; backspace edits the composition first, then
 * deletes before the caret; an answer for an older composition is ignored.
 */
export function reduceIme(state: ImeState, field: ImeField, action: ImeAction): ImeResult {
  const caret = clampSelection(field.value, field.selection).end;
  const same = { state, value: field.value, caret };
  const put = (next: ImeState, text: string): ImeResult => {
    const edit = insertText(field.value, field.selection, text, field.maxLength);
    return { state: next, value: edit.value, caret: edit.caret };
  };
  const full = roomAt(field.value, field.selection, field.maxLength) === 0;
  switch (action.type) {
    case 'letter': {
      if (state.mode === 'uyghur') return isUyghurKeyChar(action.letter) ? put({ ...state, shift: false }, action.letter) : same;
      const letter = action.letter.toLowerCase();
      if (!/^[a-z]$/.test(letter)) return same;
      if (state.mode === 'latin') return put(state, letter);
      if (full || state.composition.length >= IME_MAX_COMPOSITION) return same;
      return { ...same, state: withComposition(state, state.composition + letter) };
    }
    case 'char':
      if (state.composition !== '') return same;
      return put(state, action.char);
    case 'backspace': {
      if (state.composition !== '') return { ...same, state: withComposition(state, state.composition.slice(0, -1)) };
      const edit = deleteBackward(field.value, field.selection);
      return { state, value: edit.value, caret: edit.caret };
    }
    case 'space':
      if (state.composition !== '') return put(withComposition(state, ''), state.composition);
      return put(state, ' ');
    case 'clear':
      if (state.composition !== '') return { ...same, state: withComposition(state, '') };
      return { state, value: '', caret: 0 };
    case 'pick': {
      const candidate = state.candidatesFor === state.composition ? state.candidates[action.index] : undefined;
      if (!candidate || !fits(field, candidate.text)) return same;
      const rest = state.composition.startsWith(candidate.pinyin) ? state.composition.slice(candidate.pinyin.length) : '';
      return put(withComposition(state, rest), candidate.text);
    }
    case 'nextPage':
      return { ...same, state: { ...state, page: Math.min(pageCount(state) - 1, state.page + 1) } };
    case 'prevPage':
      return { ...same, state: { ...state, page: Math.max(0, state.page - 1) } };
    case 'setMode': {
      if (action.mode === state.mode) return same;
      // Leaving pinyin keeps what was typed: the composition goes in as letters.
      const next = { ...withComposition(state, ''), mode: action.mode, shift: false };
      return state.composition !== '' ? put(next, state.composition) : { ...same, state: next };
    }
    case 'shift':
      return state.mode === 'uyghur' ? { ...same, state: { ...state, shift: !state.shift } } : same;
    case 'candidates':
      if (action.forComposition !== state.composition) return same;
      return { ...same, state: { ...state, candidates: action.candidates, candidatesFor: action.forComposition, page: 0 } };
  }
}
