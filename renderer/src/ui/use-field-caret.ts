import { useLayoutEffect, useRef } from 'react';
import type { TextSelection } from './text-edit';

type TextField = HTMLInputElement | HTMLTextAreaElement;

function fieldById(id: string): TextField | null {
  const el = globalThis.document?.getElementById(id);
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el : null;
}

/** What an on-screen keyboard needs of the field it types into. */
export interface FieldCaret {
  /**
   * The field's selection now, when the field shows `value` (so the offsets
   * belong to it); null when the field is missing, shows something else
   * (a re-render is pending) or has no selection (e.g. `type=date`).
   */
  selection(value: string): TextSelection | null;
  /** Puts the caret at `offset` once the field shows the value the keyboard just sent. */
  placeCaret(offset: number, value: string): void;
}

/**
 * The caret of the field with id `targetId`, for a keyboard whose keys keep
 * the focus in that field: read when a key is pressed, put back after the
 * edit has been rendered (a controlled input moves its caret to the end
 * when React writes a new value).
 */
export function useFieldCaret(targetId: string): FieldCaret {
  const pending = useRef<{ offset: number; value: string } | null>(null);
  const target = useRef(targetId);
  target.current = targetId;
  useLayoutEffect(() => {
    const want = pending.current;
    const el = fieldById(target.current);
    if (!want || !el || el.value !== want.value) return;
    pending.current = null;
    try {
      el.setSelectionRange(want.offset, want.offset);
    } catch {
      // Fields without a text selection (none get a keyboard today) keep theirs.
    }
  });
  const caret = useRef<FieldCaret | null>(null);
  caret.current ??= {
    selection(value) {
      const el = fieldById(target.current);
      if (!el || el.value !== value) return null;
      try {
        const start = el.selectionStart;
        return start === null ? null : { start, end: el.selectionEnd ?? start };
      } catch {
        return null;
      }
    },
    placeCaret(offset, value) {
      pending.current = { offset, value };
    },
  };
  return caret.current;
}
