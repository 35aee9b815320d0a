/**
 * Caret-aware editing of a text field's value for the on-screen keyboards.
 * Offsets are UTF-16 code units, as `selectionStart`/`selectionEnd` report
 * them; lengths and limits are counted in code points (characters as a
 * person counts them), so a character outside the BMP is never split.
 */

/** A selection in a field's value: `start === end` is a caret. UTF-16 offsets. */
export interface TextSelection {
  start: number;
  end: number;
}

/** A field's value after an edit and where its caret goes (UTF-16 offset). */
export interface TextEdit {
  value: string;
  caret: number;
}

const codePoints = (s: string) => [...s].length;

/** The caret at the end of `value` (where typing goes when the field's selection is unknown). */
export function endOf(value: string): TextSelection {
  return { start: value.length, end: value.length };
}

/** Moves an offset off the middle of a surrogate pair (towards the start). */
function onBoundary(value: string, offset: number): number {
  const code = value.charCodeAt(offset);
  const before = value.charCodeAt(offset - 1);
  const lowSurrogate = code >= 0xdc00 && code <= 0xdfff;
  const highBefore = before >= 0xd800 && before <= 0xdbff;
  return offset > 0 && offset < value.length && lowSurrogate && highBefore ? offset - 1 : offset;
}

/**
 * `selection` made safe for `value`: offsets clamped to the value, ordered,
 * and never inside a surrogate pair. A missing selection is the end.
 */
export function clampSelection(value: string, selection: TextSelection | null | undefined): TextSelection {
  if (!selection) return endOf(value);
  const clamp = (n: number) => onBoundary(value, Math.min(value.length, Math.max(0, Number.isFinite(n) ? Math.trunc(n) : value.length)));
  const a = clamp(selection.start);
  const b = clamp(selection.end);
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

/**
 * Replaces the selection with `text` (at the caret when nothing is
 * selected), cut to what still fits `maxLength` code points once the
 * selection is gone. The caret goes after what was inserted. Inserting
 * nothing (no room) leaves the value and the selection's start as they are.
 */
export function insertText(value: string, selection: TextSelection | null | undefined, text: string, maxLength: number): TextEdit {
  const { start, end } = clampSelection(value, selection);
  const inserted = [...text].slice(0, roomAt(value, selection, maxLength)).join('');
  if (inserted === '' && start === end) return { value, caret: start };
  return { value: value.slice(0, start) + inserted + value.slice(end), caret: start + inserted.length };
}

/** How many characters (code points) still fit in place of the selection under `maxLength`; 0 when the field is full. */
export function roomAt(value: string, selection: TextSelection | null | undefined, maxLength: number): number {
  const { start, end } = clampSelection(value, selection);
  return Math.max(0, maxLength - (codePoints(value) - codePoints(value.slice(start, end))));
}

/** True when `text` fits in place of the selection without being cut. */
export function fitsAt(value: string, selection: TextSelection | null | undefined, text: string, maxLength: number): boolean {
  return codePoints(text) <= roomAt(value, selection, maxLength);
}

/** Calls `preventDefault()`: on a key's pointer-down it keeps the focus, and with it the caret, in the field the key types into. */
export function keepFieldFocus(event: { preventDefault(): void }): void {
  event.preventDefault();
}

/**
 * Backspace: deletes the selection, or the one character (code point)
 * before the caret. At the start with nothing selected, nothing changes.
 */
export function deleteBackward(value: string, selection: TextSelection | null | undefined): TextEdit {
  const { start, end } = clampSelection(value, selection);
  if (start !== end) return { value: value.slice(0, start) + value.slice(end), caret: start };
  if (start === 0) return { value, caret: 0 };
  const before = [...value.slice(0, start)];
  const cut = before.slice(0, -1).join('');
  return { value: cut + value.slice(start), caret: cut.length };
}
