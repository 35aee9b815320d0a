import { describe, expect, it } from 'vitest';
import { BLOCKED_KEYS, BLOCKED_POINTERS, chordOf } from '../../../common/lockdown/blocked-inputs';
import { GUARDED_EVENTS, installLockdownGuard, shouldCancel, type GuardWindow } from './lockdown-guard';

/** A stand-in for an element: `closest` answers for the selectors it matches. */
const element = (matches: (selector: string) => boolean) => ({ closest: (selector: string) => (matches(selector) ? {} : null) });
const inField = element((s) => s.includes('input'));
const plainDiv = element(() => false);

describe('renderer lockdown guard, driven by the blocked-input table', () => {
  it.each(BLOCKED_KEYS.map((row) => [row.id, row] as const))('cancels %s', (_id, row) => {
    const c = chordOf(row);
    expect(shouldCancel({ type: 'keydown', key: c.key, ctrlKey: c.control, metaKey: c.meta, shiftKey: c.shift, altKey: c.alt })).toBe(true);
  });

  it('lets typing, Enter, Tab, Backspace, arrows and copy/paste in fields pass', () => {
    for (const key of ['a', 'Z', '1', ' ', 'Enter', 'Tab', 'Backspace', 'ArrowLeft', 'ArrowDown', '中'])
      expect(shouldCancel({ type: 'keydown', key, target: inField }), key).toBe(false);
    for (const key of ['a', 'c', 'v', 'x', 'z']) expect(shouldCancel({ type: 'keydown', key, ctrlKey: true, target: inField }), `Ctrl+${key}`).toBe(false);
  });

  it('cancels every pointer row of the table, with its conditions', () => {
    expect(shouldCancel({ type: 'wheel', ctrlKey: true })).toBe(true);
    expect(shouldCancel({ type: 'wheel', metaKey: true })).toBe(true);
    expect(shouldCancel({ type: 'wheel' }), 'plain scrolling').toBe(false);
    for (const type of ['gesturestart', 'gesturechange', 'contextmenu', 'dragstart', 'dragover', 'drop', 'auxclick']) expect(shouldCancel({ type }), type).toBe(true);
    expect(shouldCancel({ type: 'selectstart', target: plainDiv })).toBe(true);
    expect(shouldCancel({ type: 'selectstart', target: inField }), 'selection in a field').toBe(false);
    for (const button of [1, 3, 4]) expect(shouldCancel({ type: 'mousedown', button }), `button ${button}`).toBe(true);
    expect(shouldCancel({ type: 'mousedown', button: 0 }), 'a touch or left click').toBe(false);
    for (const row of BLOCKED_POINTERS) for (const type of row.events) expect(GUARDED_EVENTS, `${row.id} listens to ${type}`).toContain(type);
  });

  it('cancels clicks that open a file chooser, a download or another window, not other clicks', () => {
    expect(shouldCancel({ type: 'click', target: element((s) => s.includes('input[type="file" i]')) })).toBe(true);
    expect(shouldCancel({ type: 'click', target: element((s) => s.includes('a[download]')) })).toBe(true);
    expect(shouldCancel({ type: 'click', target: plainDiv })).toBe(false);
  });

  it('installs in the capture phase, not passive, cancels through preventDefault and replaces the page APIs', () => {
    const listeners = new Map<string, { fn: (e: Event) => void; options: AddEventListenerOptions }>();
    const win = {
      addEventListener: (type: string, fn: (e: Event) => void, options: AddEventListenerOptions) => void listeners.set(type, { fn, options }),
      removeEventListener: (type: string) => void listeners.delete(type),
      print: () => 'printed',
      confirm: () => true,
      prompt: () => 'text',
    } as GuardWindow & Record<string, unknown>;
    const remove = installLockdownGuard(win);
    expect([...listeners.keys()].sort()).toEqual([...GUARDED_EVENTS].sort());
    for (const { options } of listeners.values()) expect(options).toEqual({ capture: true, passive: false });
    let prevented = 0;
    const event = (init: Record<string, unknown>) => ({ cancelable: true, preventDefault: () => void prevented++, ...init }) as unknown as Event;
    listeners.get('keydown')!.fn(event({ type: 'keydown', key: 'w', ctrlKey: true }));
    listeners.get('keydown')!.fn(event({ type: 'keydown', key: 'a', target: inField }));
    expect(prevented).toBe(1);
    expect((win.print as () => unknown)()).toBeUndefined();
    expect((win.confirm as () => unknown)()).toBe(false);
    expect((win.prompt as () => unknown)()).toBeNull();
    expect((win.open as () => unknown)()).toBeNull();
    expect(installLockdownGuard(win), 'a second install is the first').toBe(remove);
    remove();
    expect(listeners.size).toBe(0);
    expect((win.print as () => unknown)(), 'the APIs stay replaced').toBeUndefined();
  });
});
