import { describe, expect, it } from 'vitest';
import { attachKeyboardWedge } from './attach-keyboard-wedge';
import { KeyboardWedge, type WedgeDecision } from './keyboard-wedge';

/** Feeds `text` then Enter, one key every `gapMs`, starting at `t0`; returns every decision. */
function type(wedge: KeyboardWedge, keys: string[], gapMs: number, t0 = 1000): WedgeDecision[] {
  return keys.map((key, i) => wedge.handleKey({ key, timeStamp: t0 + i * gapMs }));
}
const chars = (s: string) => [...s];

describe('KeyboardWedge', () => {
  it('accepts a fast burst ending in Enter and prevents every key of it', () => {
    const wedge = new KeyboardWedge();
    const d = type(wedge, [...chars('ESSC-3301-粤'), 'Enter'], 8);
    expect(d.every((x) => x.preventDefault)).toBe(true);
    expect(d.every((x) => x.release === null)).toBe(true);
    expect(d.at(-1)?.scan).toBe('ESSC-3301-粤');
    expect(wedge.holding).toBe(false);
  });

  it('ignores Shift between capitals (scanners press it) and accepts exactly 35 ms gaps', () => {
    const wedge = new KeyboardWedge();
    const keys = ['Shift', 'A', 'b', 'Shift', 'C', 'd', 'e', 'f', 'Enter'];
    const d = type(wedge, keys, 35);
    expect(d.at(-1)?.scan).toBe('AbCdef');
  });

  it('releases human typing (slow keys) so it reaches the field, and lets Enter through', () => {
    const wedge = new KeyboardWedge();
    const d = type(wedge, [...chars('hello'), 'Enter'], 120);
    expect(d.map((x) => x.release)).toEqual([null, 'h', 'e', 'l', 'l', 'o']);
    expect(d.at(-1)).toMatchObject({ preventDefault: false, scan: null });
  });

  it('releases held typing on a timer flush after the gap, not before', () => {
    const wedge = new KeyboardWedge();
    wedge.handleKey({ key: 'a', timeStamp: 0 });
    expect(wedge.flush(35)).toBeNull();
    expect(wedge.flush(36)).toBe('a');
    expect(wedge.holding).toBe(false);
  });

  it('treats a fast burst shorter than 6 characters as typing', () => {
    const wedge = new KeyboardWedge();
    const d = type(wedge, [...chars('12345'), 'Enter'], 5);
    expect(d.at(-1)).toMatchObject({ preventDefault: false, release: '12345', scan: null });
  });

  it('rejects a burst with a control key and lets none of it through', () => {
    const wedge = new KeyboardWedge();
    const d = type(wedge, [...chars('ABC'), 'Tab', ...chars('DEF'), 'Enter'], 5);
    expect(d.every((x) => x.preventDefault && x.release === null && x.scan === null)).toBe(true);
    expect(d.at(-1)?.rejected).toBe('control-character');
  });

  it('rejects a burst longer than maxLength', () => {
    const wedge = new KeyboardWedge({ maxLength: 10 });
    expect(type(wedge, [...chars('x'.repeat(10)), 'Enter'], 5).at(-1)?.scan).toBe('x'.repeat(10));
    const d = type(wedge, [...chars('y'.repeat(11)), 'Enter'], 5, 5000);
    expect(d.at(-1)).toMatchObject({ preventDefault: true, scan: null, rejected: 'too-long' });
  });

  it('does not join a slow first key to a following burst', () => {
    const wedge = new KeyboardWedge();
    const first = wedge.handleKey({ key: 'q', timeStamp: 0 });
    const d = type(wedge, [...chars('SCAN-0001'), 'Enter'], 4, 500);
    expect(first.preventDefault).toBe(true);
    expect(d[0]?.release).toBe('q');
    expect(d.at(-1)?.scan).toBe('SCAN-0001');
  });

  it('passes shortcuts (Ctrl+key) through and releases held text first', () => {
    const wedge = new KeyboardWedge();
    wedge.handleKey({ key: 'a', timeStamp: 0 });
    expect(wedge.handleKey({ key: 'c', ctrlKey: true, timeStamp: 5 })).toMatchObject({ preventDefault: false, release: 'a' });
  });
});

describe('attachKeyboardWedge', () => {
  function key(target: EventTarget, k: string) {
    const e = new Event('keydown', { cancelable: true, bubbles: true }) as Event & { key: string };
    Object.defineProperty(e, 'key', { value: k });
    target.dispatchEvent(e);
    return e;
  }

  it('prevents scan keys, calls onScan, re-inserts human typing after the gap, and detaches', async () => {
    const target = new EventTarget();
    const scans: string[] = [];
    const inserted: string[] = [];
    const detach = attachKeyboardWedge(target, (p) => scans.push(p), { insertText: (t) => inserted.push(t), maxGapMs: 50 });
    const events = [...'QR-CODE-42', 'Enter'].map((k) => key(target, k));
    expect(scans).toEqual(['QR-CODE-42']);
    expect(events.every((e) => e.defaultPrevented)).toBe(true);

    key(target, 'h');
    await new Promise((r) => setTimeout(r, 120));
    expect(inserted).toEqual(['h']);

    detach();
    expect(key(target, 'z').defaultPrevented).toBe(false);
  });
});
