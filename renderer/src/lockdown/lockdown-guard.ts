import { BLOCKED_APIS, BLOCKED_POINTERS, findBlockedKey, type BlockedApi } from '../../../common/lockdown/blocked-inputs';

/** The fields of a DOM event the guard's decisions read (a real `Event` has them; tests pass plain objects). */
export interface GuardEventLike {
  type: string;
  key?: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
  /** `MouseEvent.button`: 0 primary, 1 middle, 2 secondary, 3 back, 4 forward. */
  button?: number;
  /** The event's target, for "inside a field" and "a file input / download link". */
  target?: unknown;
}

/** True for an element a person may type or select text in: `input`, `textarea`, `select`, or content-editable. */
export function isField(target: unknown): boolean {
  const el = target as { closest?: (selector: string) => unknown } | null;
  if (!el || typeof el.closest !== 'function') return false;
  return el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

/** True when a click on `target` would open a file chooser or start a download or another window. */
function opensSomethingElse(target: unknown): boolean {
  const el = target as { closest?: (selector: string) => unknown } | null;
  if (!el || typeof el.closest !== 'function') return false;
  return el.closest('input[type="file" i], a[download], a[target]:not([target="_self" i]), form[target]:not([target="_self" i]) button') !== null;
}

/**
 * Whether the guard cancels one DOM event, by the blocked-input table
 * (`common/lockdown/blocked-inputs.ts`): key-downs matching a blocked key
 * row; Ctrl/Meta + wheel (zoom); pinch gestures; the context menu; drag and
 * drop; text selection that starts outside a field; middle click and the
 * back/forward mouse buttons (3, 4); clicks that would open a file chooser,
 * a download or another window. Everything else passes, so typing in fields,
 * the on-screen keyboards and keyboard-wedge scanners keep working. Pure.
 */
export function shouldCancel(event: GuardEventLike): boolean {
  switch (event.type) {
    case 'keydown':
      return findBlockedKey({ key: event.key ?? '', control: !!event.ctrlKey, meta: !!event.metaKey, shift: !!event.shiftKey, alt: !!event.altKey }) !== null;
    case 'wheel':
      return !!event.ctrlKey || !!event.metaKey;
    case 'selectstart':
      return !isField(event.target);
    case 'mousedown':
    case 'mouseup':
      return event.button !== undefined && event.button !== 0 && event.button !== 2;
    case 'click':
      return opensSomethingElse(event.target);
    default:
      return GUARDED_POINTER_EVENTS.has(event.type);
  }
}

/** Every pointer event type of the table, plus the guard's own `click` (file choosers, downloads, new windows). */
const GUARDED_POINTER_EVENTS = new Set(BLOCKED_POINTERS.flatMap((p) => p.events));

/** Event types the guard listens to (capture phase, not passive): the key and pointer rows of the table. */
export const GUARDED_EVENTS: readonly string[] = ['keydown', 'click', ...GUARDED_POINTER_EVENTS];

/** What each blocked page API becomes: print and alert do nothing, confirm says no, prompt gives nothing, pickers and `window.open` refuse. */
const REFUSED = (): Promise<never> => Promise.reject(new DOMException('blocked at the kiosk', 'NotAllowedError'));
const API_REPLACEMENTS: Record<BlockedApi, Record<string, unknown>> = {
  print: { print: () => undefined },
  alert: { alert: () => undefined },
  confirm: { confirm: () => false },
  prompt: { prompt: () => null },
  'file-chooser': { showOpenFilePicker: REFUSED, showSaveFilePicker: REFUSED, showDirectoryPicker: REFUSED },
  download: { open: () => null },
};

/** The window the guard is installed on (the real `window`; a test may pass another). */
export interface GuardWindow {
  addEventListener(type: string, listener: (event: Event) => void, options: AddEventListenerOptions): void;
  removeEventListener(type: string, listener: (event: Event) => void, options: AddEventListenerOptions): void;
}

/**
 * Installs the renderer's half of the kiosk lockdown on `win` (default the
 * page's window), in the capture phase before any of the app's handlers:
 * every event {@link shouldCancel} picks is `preventDefault()`ed (never
 * stopped, so the app still sees keys it handles itself), and the blocked
 * page APIs are replaced (`window.print`, `alert`, `confirm`, `prompt`,
 * the file pickers and `window.open`). In Electron the shell's
 * `before-input-event` filter runs first; in browser mode this guard is the
 * page's whole share (Chromium keeps a few chords for itself, see
 * docs/operations.md). Returns a function that removes the listeners (the
 * APIs stay replaced). Idempotent per window.
 */
export function installLockdownGuard(win: GuardWindow & Record<string, unknown> = window as unknown as GuardWindow & Record<string, unknown>): () => void {
  if (win.__kioskLockdown) return win.__kioskLockdown as () => void;
  const listener = (event: Event): void => {
    if (event.cancelable && shouldCancel(event as unknown as GuardEventLike)) event.preventDefault();
  };
  const options: AddEventListenerOptions = { capture: true, passive: false };
  for (const type of GUARDED_EVENTS) win.addEventListener(type, listener, options);
  for (const api of BLOCKED_APIS) {
    for (const [name, replacement] of Object.entries(API_REPLACEMENTS[api])) {
      // Not configurable: a later script cannot put the original back (a second install leaves them as they are).
      if (Object.getOwnPropertyDescriptor(win, name)?.configurable === false) continue;
      Object.defineProperty(win, name, { value: replacement, configurable: false, writable: false });
    }
  }
  const remove = (): void => {
    for (const type of GUARDED_EVENTS) win.removeEventListener(type, listener, options);
    delete win.__kioskLockdown;
  };
  Object.defineProperty(win, '__kioskLockdown', { value: remove, configurable: true });
  return remove;
}
