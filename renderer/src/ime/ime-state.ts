import type { PinyinCandidate } from '../../../common/contract/schemas';

/** Candidates per page of the candidate bar. */
export const IME_PAGE_SIZE = 8;
/** Longest composition (the core accepts at most 40 letters). */
export const IME_MAX_COMPOSITION = 40;

/** State of the on-screen pinyin input method for one field. */
export interface ImeState {
  /** `pinyin`: letters go into the composition; `latin`: letters go straight into the field. */
  mode: 'pinyin' | 'latin';
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
  | { type: 'toggleMode' }
  | { type: 'candidates'; forComposition: string; candidates: PinyinCandidate[] };

/** The field's value and its limit, which the input method edits but does not own. */
export interface ImeField {
  value: string;
  maxLength: number;
}

export const INITIAL_IME_STATE: ImeState = { mode: 'pinyin', composition: '', candidates: [], candidatesFor: '', page: 0 };

/** Length in characters as a person counts them (code points, like `maxLength` in practice for CJK). */
const length = (s: string) => [...s].length;

/** Appends `text` to `value`, cut to what still fits `maxLength`. */
function append(field: ImeField, text: string): string {
  const room = Math.max(0, field.maxLength - length(field.value));
  return field.value + [...text].slice(0, room).join('');
}

/** True when `text` fits into the field as it is. */
export function fits(field: ImeField, text: string): boolean {
  return length(field.value) + length(text) <= field.maxLength;
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
 * The input method as a pure function: the next state and the field's next
 * value. Letters build the composition (pinyin mode) or go into the field
 * (latin mode); picking a candidate inserts it and consumes the letters it
 * stands for, the rest stays to be picked next; backspace edits the
 * composition first; an answer for an older composition is ignored.
 */
export function reduceIme(state: ImeState, field: ImeField, action: ImeAction): { state: ImeState; value: string } {
  const same = { state, value: field.value };
  const full = length(field.value) >= field.maxLength;
  switch (action.type) {
    case 'letter': {
      const letter = action.letter.toLowerCase();
      if (!/^[a-z]$/.test(letter)) return same;
      if (state.mode === 'latin') return { state, value: append(field, letter) };
      if (full || state.composition.length >= IME_MAX_COMPOSITION) return same;
      return { state: withComposition(state, state.composition + letter), value: field.value };
    }
    case 'char':
      if (state.composition !== '') return same;
      return { state, value: append(field, action.char) };
    case 'backspace':
      if (state.composition !== '') return { state: withComposition(state, state.composition.slice(0, -1)), value: field.value };
      return { state, value: [...field.value].slice(0, -1).join('') };
    case 'space':
      if (state.composition !== '') return { state: withComposition(state, ''), value: append(field, state.composition) };
      return { state, value: append(field, ' ') };
    case 'clear':
      if (state.composition !== '') return { state: withComposition(state, ''), value: field.value };
      return { state, value: '' };
    case 'pick': {
      const candidate = state.candidatesFor === state.composition ? state.candidates[action.index] : undefined;
      if (!candidate || !fits(field, candidate.text)) return same;
      const rest = state.composition.startsWith(candidate.pinyin) ? state.composition.slice(candidate.pinyin.length) : '';
      return { state: withComposition(state, rest), value: field.value + candidate.text };
    }
    case 'nextPage':
      return { state: { ...state, page: Math.min(pageCount(state) - 1, state.page + 1) }, value: field.value };
    case 'prevPage':
      return { state: { ...state, page: Math.max(0, state.page - 1) }, value: field.value };
    case 'toggleMode': {
      // Switching to latin keeps what was typed: the composition goes in as letters.
      const value = state.mode === 'pinyin' && state.composition !== '' ? append(field, state.composition) : field.value;
      return { state: { ...withComposition(state, ''), mode: state.mode === 'pinyin' ? 'latin' : 'pinyin' }, value };
    }
    case 'candidates':
      if (action.forComposition !== state.composition) return same;
      return { state: { ...state, candidates: action.candidates, candidatesFor: action.forComposition, page: 0 }, value: field.value };
  }
}
