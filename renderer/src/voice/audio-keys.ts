/** What a key does in audio mode (the mode for people who cannot see the screen). */
export type AudioKeyAction = 'next' | 'previous' | 'select' | 'repeat';

/** The parts of a `KeyboardEvent` the audio mode reads. */
export interface AudioKey {
  key: string;
  code: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

/**
 * True for a key that switches audio mode on when it is off: any key of a
 * USB numeric keypad (`code` Numpad…), or an arrow key outside a text field
 * (`inTextField`: in one, an arrow moves the caret). Printable keys of the
 * main keyboard do not (the QR scanner types as a keyboard and must not
 * switch the mode), nor any key with Ctrl, Alt or Meta.
 */
export function isAudioActivationKey(k: AudioKey, inTextField = false): boolean {
  if (k.ctrlKey || k.altKey || k.metaKey) return false;
  return k.code.startsWith('Numpad') || (k.key.startsWith('Arrow') && !inTextField);
}

/** What each keypad key (by `code`, the same with NumLock on or off) does outside a text field. */
const KEYPAD: Readonly<Record<string, AudioKeyAction>> = {
  Numpad2: 'next',
  Numpad6: 'next',
  NumpadAdd: 'next',
  Numpad8: 'previous',
  Numpad4: 'previous',
  NumpadSubtract: 'previous',
  Numpad5: 'select',
  Numpad0: 'repeat',
  NumpadMultiply: 'repeat',
};

/**
 * What `k` does once audio mode is on; null: nothing (the key goes on to
 * the page, e.g. a digit typed into the focused field).
 *
 * Keypad layout (GB/T 37668 asks for operation without sight), read by the
 * key's position (`code`), so it works with NumLock on or off (off, 2 sends
 * ArrowDown and 5 Clear): 2 / 6 / + / ↓ / → / Tab: next choice; 8 / 4 / − /
 * ↑ / ← / Shift+Tab: previous choice; 5 / Enter / Space: select (in a text
 * field Enter goes on to the next choice); 0 / *: say the screen again. In a
 * text field a digit or letter types (a keypad with NumLock on sends digits),
 * so there only the arrows, Tab, +, −, * and Enter act.
 */
export function audioKeyAction(k: AudioKey, inTextField: boolean): AudioKeyAction | null {
  if (k.ctrlKey || k.altKey || k.metaKey) return null;
  if (k.key === 'Tab') return k.shiftKey ? 'previous' : 'next';
  if (k.key === 'Enter') return inTextField ? 'next' : 'select';
  const typed = k.key.length === 1 && k.key !== '+' && k.key !== '-' && k.key !== '*';
  if (inTextField && typed) return null;
  const keypad = KEYPAD[k.code];
  if (keypad) return keypad;
  switch (k.key) {
    case 'ArrowDown':
    case 'ArrowRight':
    case '+':
      return 'next';
    case 'ArrowUp':
    case 'ArrowLeft':
    case '-':
      return 'previous';
    case '*':
      return 'repeat';
    case ' ':
      return 'select';
  }
  return null;
}
