/**
 * The one table of inputs a person at the kiosk must not be able to use to
 * leave, reload, inspect, print from or re-arrange the kiosk. It is the single
 * source for the Electron shell's `before-input-event` filter
 * (`main/electron/lockdown.ts`), the renderer's guard
 * (`renderer/src/lockdown/lockdown-guard.ts`) and the escape tests, which walk
 * every row (`main/electron/lockdown.test.ts`, `tests/e2e/lockdown/browser-lockdown.e2e.test.ts`).
 * Pure data and one matcher: no DOM, no Node, no Electron.
 */

/** A modifier a key row needs. `primary` is Control or Meta (Cmd), so one row covers both platforms. */
export type BlockedModifier = 'primary' | 'control' | 'alt' | 'shift' | 'meta';

/** One blocked key or chord. */
export interface BlockedKey {
  /** Stable id, used in test names and the escape table (`Ctrl+W`). */
  readonly id: string;
  /** `KeyboardEvent.key` values (compared case-insensitively) that match this row. */
  readonly keys: readonly string[];
  /** Modifiers that must all be held; extra modifiers still match (Ctrl+Shift+W is still Ctrl+W). */
  readonly modifiers: readonly BlockedModifier[];
  /** The same chord as an `xdotool key` argument, for real key events under Xvfb. */
  readonly xdotool: string;
  /** Why it is blocked (what it would do in a browser). */
  readonly why: string;
}

const fKeys: BlockedKey[] = Array.from({ length: 12 }, (_, i) => ({
  id: `F${i + 1}`,
  keys: [`F${i + 1}`],
  modifiers: [],
  xdotool: `F${i + 1}`,
  why: 'function keys: help, reload, full screen, caret browsing, DevTools',
}));

const primaryLetter = (letter: string, why: string): BlockedKey => ({
  id: `Ctrl+${letter.toUpperCase()}`,
  keys: [letter],
  modifiers: ['primary'],
  xdotool: `ctrl+${letter}`,
  why,
});

const arrows = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'] as const;
const arrowRows = (modifier: 'control' | 'alt' | 'meta', label: string, xdo: string): BlockedKey[] =>
  arrows.map((arrow) => ({
    id: `${label}+${arrow.slice(5)}`,
    keys: [arrow],
    modifiers: [modifier],
    xdotool: `${xdo}+${arrow.slice(5)}`,
    why: 'history back/forward, workspace and window switching',
  }));

/** Every blocked key and chord. Plain typing, Enter, Tab, Backspace and arrows alone pass (scanners, on-screen keyboards). */
export const BLOCKED_KEYS: readonly BlockedKey[] = [
  { id: 'Alt+F4', keys: ['F4'], modifiers: ['alt'], xdotool: 'alt+F4', why: 'closes the window' },
  primaryLetter('w', 'closes the tab or window'),
  primaryLetter('q', 'quits the browser'),
  primaryLetter('m', 'minimises (macOS) / mutes'),
  primaryLetter('n', 'opens a new window'),
  primaryLetter('t', 'opens a new tab'),
  primaryLetter('p', 'print dialog'),
  primaryLetter('s', 'save page dialog (file chooser)'),
  primaryLetter('o', 'open file dialog (file chooser)'),
  primaryLetter('f', 'find bar'),
  primaryLetter('g', 'find next'),
  primaryLetter('h', 'history page'),
  primaryLetter('j', 'downloads page'),
  primaryLetter('u', 'view source'),
  primaryLetter('r', 'reload'),
  primaryLetter('l', 'address bar'),
  primaryLetter('d', 'bookmark dialog'),
  primaryLetter('e', 'search box'),
  primaryLetter('k', 'search box'),
  { id: 'Ctrl+Shift+N', keys: ['n'], modifiers: ['primary', 'shift'], xdotool: 'ctrl+shift+n', why: 'opens an incognito window' },
  { id: 'Ctrl+Shift+O', keys: ['o'], modifiers: ['primary', 'shift'], xdotool: 'ctrl+shift+o', why: 'bookmark manager window' },
  { id: 'Ctrl+Shift+I', keys: ['i'], modifiers: ['primary', 'shift'], xdotool: 'ctrl+shift+i', why: 'DevTools' },
  { id: 'Ctrl+Shift+J', keys: ['j'], modifiers: ['primary', 'shift'], xdotool: 'ctrl+shift+j', why: 'DevTools console' },
  { id: 'Ctrl+Shift+C', keys: ['c'], modifiers: ['primary', 'shift'], xdotool: 'ctrl+shift+c', why: 'DevTools inspector' },
  { id: 'Ctrl+Shift+Delete', keys: ['Delete'], modifiers: ['primary', 'shift'], xdotool: 'ctrl+shift+Delete', why: 'clear browsing data window' },
  { id: 'Ctrl+Shift+Esc', keys: ['Escape'], modifiers: ['shift', 'primary'], xdotool: 'ctrl+shift+Escape', why: 'task manager' },
  { id: 'Shift+Esc', keys: ['Escape'], modifiers: ['shift'], xdotool: 'shift+Escape', why: 'browser task manager' },
  { id: 'Ctrl+Tab', keys: ['Tab'], modifiers: ['control'], xdotool: 'ctrl+Tab', why: 'switches tabs' },
  ...fKeys,
  ...arrowRows('control', 'Ctrl', 'ctrl'),
  ...arrowRows('alt', 'Alt', 'alt'),
  ...arrowRows('meta', 'Meta', 'super'),
  { id: 'Alt+Home', keys: ['Home'], modifiers: ['alt'], xdotool: 'alt+Home', why: 'home page' },
  { id: 'Ctrl+Plus', keys: ['+', '='], modifiers: ['primary'], xdotool: 'ctrl+plus', why: 'zoom in' },
  { id: 'Ctrl+Minus', keys: ['-', '_'], modifiers: ['primary'], xdotool: 'ctrl+minus', why: 'zoom out' },
  { id: 'Ctrl+0', keys: ['0'], modifiers: ['primary'], xdotool: 'ctrl+0', why: 'reset zoom' },
  { id: 'Zoom keys', keys: ['ZoomIn', 'ZoomOut', 'ZoomToggle'], modifiers: [], xdotool: 'XF86ZoomIn', why: 'hardware zoom keys' },
  { id: 'Browser keys', keys: ['BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome', 'BrowserSearch', 'BrowserFavorites'], modifiers: [], xdotool: 'XF86Back', why: 'hardware browser keys' },
  { id: 'ContextMenu key', keys: ['ContextMenu'], modifiers: [], xdotool: 'Menu', why: 'context menu' },
];

/** Kinds of pointer and touch input blocked by the renderer guard (and, where Electron offers one, by the shell). */
export type BlockedPointerKind = 'ctrl-wheel' | 'pinch' | 'context-menu' | 'drag-drop' | 'selection-outside-fields' | 'middle-click' | 'back-forward-buttons';

/** One blocked pointer/touch class: the DOM events the guard cancels for it. */
export interface BlockedPointer {
  readonly id: BlockedPointerKind;
  /** DOM event types the renderer guard cancels (capture phase, not passive). */
  readonly events: readonly string[];
  readonly why: string;
}

/** Mouse and touch inputs that are cancelled. */
export const BLOCKED_POINTERS: readonly BlockedPointer[] = [
  { id: 'ctrl-wheel', events: ['wheel'], why: 'Ctrl + wheel zooms the page (cancelled only with Ctrl/Meta held)' },
  { id: 'pinch', events: ['gesturestart', 'gesturechange'], why: 'pinch zoom (also: visual zoom limits 1..1 in Electron, trackpad pinch arrives as Ctrl + wheel)' },
  { id: 'context-menu', events: ['contextmenu'], why: 'context menu: inspect, save, print, open link' },
  { id: 'drag-drop', events: ['dragstart', 'dragover', 'drop'], why: 'dragging files, links or text in or out of the page' },
  { id: 'selection-outside-fields', events: ['selectstart'], why: 'text selection outside input fields (copy, search, drag)' },
  { id: 'middle-click', events: ['auxclick'], why: 'middle click opens links in a new tab, autoscroll' },
  { id: 'back-forward-buttons', events: ['mouseup', 'mousedown'], why: 'mouse buttons 3 and 4 go back and forward in history' },
];

/** Page APIs that are replaced or refused. */
export type BlockedApi = 'print' | 'alert' | 'confirm' | 'prompt' | 'file-chooser' | 'download';

/** Every blocked API: window.print and the modal dialogs are replaced; file choosers and downloads are cancelled. */
export const BLOCKED_APIS: readonly BlockedApi[] = ['print', 'alert', 'confirm', 'prompt', 'file-chooser', 'download'];

/** A key event as Electron's `before-input-event` and the DOM's `KeyboardEvent` both describe it. */
export interface KeyChord {
  key: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

function holds(chord: KeyChord, modifier: BlockedModifier): boolean {
  switch (modifier) {
    case 'primary':
      return chord.control || chord.meta;
    case 'control':
      return chord.control;
    case 'alt':
      return chord.alt;
    case 'shift':
      return chord.shift;
    case 'meta':
      return chord.meta;
  }
}

/** The first row of {@link BLOCKED_KEYS} a key event matches, or null when it may pass. */
export function findBlockedKey(chord: KeyChord): BlockedKey | null {
  const key = chord.key.toLowerCase();
  for (const row of BLOCKED_KEYS) {
    if (row.keys.some((k) => k.toLowerCase() === key) && row.modifiers.every((m) => holds(chord, m))) return row;
  }
  return null;
}

/**
 * A chord that exercises one row exactly as a keyboard would report it
 * (for tests: the first key of the row with its modifiers held, `primary` as Control).
 */
export function chordOf(row: BlockedKey): KeyChord {
  return {
    key: row.keys[0] ?? '',
    control: row.modifiers.includes('primary') || row.modifiers.includes('control'),
    meta: row.modifiers.includes('meta'),
    shift: row.modifiers.includes('shift'),
    alt: row.modifiers.includes('alt'),
  };
}
