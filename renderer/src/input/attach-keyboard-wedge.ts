import { KeyboardWedge, type KeyboardWedgeOptions, type WedgeRejection } from './keyboard-wedge';

/** Callbacks and tuning of {@link attachKeyboardWedge}. */
export interface AttachKeyboardWedgeOptions extends KeyboardWedgeOptions {
  /** Called when a scan-like burst was rejected (too long, control character). */
  onRejected?: (reason: WedgeRejection) => void;
  /**
   * Inserts held-back human typing; default: into the focused `<input>` /
   * `<textarea>` at the caret, followed by an `input` event.
   */
  insertText?: (text: string) => void;
}

type KeyLike = Event & { key?: string; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean };

function insertIntoFocused(text: string): void {
  const el = globalThis.document?.activeElement;
  if (!el) return;
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return;
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  el.setRangeText(text, start, end, 'end');
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Listens for `keydown` on `target` (capture phase) and feeds a
 * {@link KeyboardWedge}: scan keystrokes are prevented and stopped so they
 * never reach a field; `onScan` gets each payload (opaque, may be personal:
 * never log it). Held-back human typing is re-inserted after `maxGapMs`.
 * Returns a function that detaches the listener and cancels the timer.
 */
export function attachKeyboardWedge(target: EventTarget, onScan: (payload: string) => void, options: AttachKeyboardWedgeOptions = {}): () => void {
  const wedge = new KeyboardWedge(options);
  const insert = options.insertText ?? insertIntoFocused;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!wedge.holding) return;
    timer = setTimeout(() => {
      timer = null;
      const text = wedge.flush(performance.now());
      if (text) insert(text);
      else schedule();
    }, wedge.gapMs + 1);
  };

  const listener = (event: Event) => {
    const e = event as KeyLike;
    if (typeof e.key !== 'string') return;
    const decision = wedge.handleKey({ key: e.key, timeStamp: e.timeStamp, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey });
    if (decision.release) insert(decision.release);
    if (decision.preventDefault) {
      e.preventDefault();
      e.stopPropagation();
    }
    if (decision.scan !== null) onScan(decision.scan);
    if (decision.rejected !== null) options.onRejected?.(decision.rejected);
    schedule();
  };

  target.addEventListener('keydown', listener, { capture: true });
  return () => {
    target.removeEventListener('keydown', listener, { capture: true });
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
}
