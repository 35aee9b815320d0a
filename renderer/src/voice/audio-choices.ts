/** The elements a person can choose on a screen, in the order audio mode reads them. */
const CHOICE_SELECTOR = 'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"]';

/** Elements whose own text is a choice's label, not the screen's content. */
const NOT_CONTENT_SELECTOR = `${CHOICE_SELECTOR}, label, [aria-hidden="true"], [hidden], [data-audio-skip]`;

/** True when `el` can be chosen now: rendered, not disabled, not inside a closed `<details>` (its `<summary>` stays). */
function choosable(el: HTMLElement): boolean {
  if ((el as HTMLButtonElement).disabled) return false;
  if (el.closest('[aria-hidden="true"], [hidden], [inert]')) return false;
  const closed = el.closest('details:not([open])');
  if (closed && el.tagName !== 'SUMMARY') return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

/**
 * The choices of the screen, in reading order: an open dialog's alone when
 * one is open (`[role="dialog"]`, `[role="alertdialog"]`), else the screen's
 * (`main`) and then the bar's (`.access-bar`: language, care mode, staff
 * assist, home, cancel), leaving out the skip link.
 */
export function choicesOf(root: ParentNode): HTMLElement[] {
  const dialog = [...root.querySelectorAll<HTMLElement>('[role="dialog"], [role="alertdialog"]')].find((d) => d.getBoundingClientRect().height > 0);
  const scopes = dialog ? [dialog] : [...root.querySelectorAll<HTMLElement>('main, .access-bar')];
  return scopes.flatMap((s) => [...s.querySelectorAll<HTMLElement>(CHOICE_SELECTOR)].filter(choosable));
}

const spaces = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The text of a field's `<label>` (its `for` or the label around it). */
function labelOf(el: HTMLElement): string {
  const labelled = (el as HTMLInputElement).labels;
  if (labelled && labelled.length > 0) return spaces([...labelled].map((l) => l.textContent ?? '').join(' '));
  return '';
}

/**
 * What audio mode says for a choice: its label, and for a field its value
 * (or that it is empty), for a tick box whether it is ticked, for a toggle
 * whether it is on. `words` are the translated "empty", "ticked",
 * "not ticked", "on" and "off".
 */
export function describeChoice(el: HTMLElement, words: { empty: string; checked: string; unchecked: string; on: string; off: string }): string {
  const name = spaces(el.getAttribute('aria-label') ?? '') || labelOf(el) || spaces(el.textContent ?? '') || spaces(el.getAttribute('title') ?? '');
  if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) return `${name}，${el.checked ? words.checked : words.unchecked}`;
  if (el instanceof HTMLSelectElement) return `${name}，${spaces(el.selectedOptions[0]?.textContent ?? '') || words.empty}`;
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return `${name}，${el.value ? el.value.split('').join(' ') : words.empty}`;
  const pressed = el.getAttribute('aria-pressed');
  if (pressed !== null) return `${name}，${pressed === 'true' ? words.on : words.off}`;
  return name;
}

/**
 * The content of the screen as audio mode reads it: the text of `main` (or
 * of an open dialog) outside its choices and labels, whitespace collapsed,
 * at most `maxChars` (default 600) characters.
 */
export function contentOf(root: ParentNode, maxChars = 600): string {
  const dialog = [...root.querySelectorAll<HTMLElement>('[role="dialog"], [role="alertdialog"]')].find((d) => d.getBoundingClientRect().height > 0);
  const scope = dialog ?? root.querySelector('main');
  if (!scope) return '';
  const parts: string[] = [];
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement?.closest(NOT_CONTENT_SELECTOR)) continue;
    if (n.parentElement?.closest('details:not([open])') && !n.parentElement.closest('summary')) continue;
    const text = spaces(n.textContent ?? '');
    if (text) parts.push(text);
  }
  return parts.join(' ').slice(0, maxChars);
}

/** True when `el` takes typed text (digits and letters go to it, not to the audio mode's keys). */
export function isTextField(el: Element | null): boolean {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly;
  if (!(el instanceof HTMLInputElement)) return false;
  return !el.readOnly && !['checkbox', 'radio', 'button', 'submit', 'range'].includes(el.type);
}
