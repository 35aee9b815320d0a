import { describe, expect, it } from 'vitest';
import { audioKeyAction, isAudioActivationKey } from './audio-keys';

const numpad = (key: string) => ({ key, code: key === 'Enter' ? 'NumpadEnter' : `Numpad${key}` });

describe('audio mode keys', () => {
  it('a keypad key or an arrow switches audio mode on; the main keyboard\'s digits and letters (the QR scanner types there) do not', () => {
    expect(isAudioActivationKey(numpad('5'))).toBe(true);
    expect(isAudioActivationKey(numpad('Enter'))).toBe(true);
    expect(isAudioActivationKey({ key: 'ArrowDown', code: 'ArrowDown' })).toBe(true);
    expect(isAudioActivationKey({ key: '5', code: 'Digit5' })).toBe(false);
    expect(isAudioActivationKey({ key: 'a', code: 'KeyA' })).toBe(false);
    expect(isAudioActivationKey({ key: 'Enter', code: 'Enter' })).toBe(false);
    expect(isAudioActivationKey({ key: 'ArrowDown', code: 'ArrowDown', ctrlKey: true })).toBe(false);
  });

  it('in a text field an arrow moves the caret and leaves audio mode off; the keypad still switches it on', () => {
    expect(isAudioActivationKey({ key: 'ArrowLeft', code: 'ArrowLeft' }, true)).toBe(false);
    expect(isAudioActivationKey(numpad('5'), true)).toBe(true);
  });

  it('the keypad moves (2/6 next, 8/4 previous), selects (5, Enter) and repeats (0, *) outside a field', () => {
    expect(['2', '6', '8', '4', '5', 'Enter', '0', '*'].map((k) => audioKeyAction(numpad(k), false))).toEqual([
      'next',
      'next',
      'previous',
      'previous',
      'select',
      'select',
      'repeat',
      'repeat',
    ]);
    expect(audioKeyAction({ key: 'Tab', code: 'Tab', shiftKey: true }, false)).toBe('previous');
    expect(audioKeyAction({ key: ' ', code: 'Space' }, false)).toBe('select');
  });

  it('with NumLock off (2 sends ArrowDown, 5 Clear, 0 Insert) the keypad does the same', () => {
    expect(audioKeyAction({ key: 'ArrowDown', code: 'Numpad2' }, false)).toBe('next');
    expect(audioKeyAction({ key: 'ArrowLeft', code: 'Numpad4' }, false)).toBe('previous');
    expect(audioKeyAction({ key: 'Clear', code: 'Numpad5' }, false)).toBe('select');
    expect(audioKeyAction({ key: 'Insert', code: 'Numpad0' }, false)).toBe('repeat');
    expect(audioKeyAction({ key: 'Clear', code: 'Numpad5' }, true)).toBe('select');
  });

  it('in a text field the digits type; the arrows still move and Enter goes on to the next choice', () => {
    for (const k of ['2', '5', '8', '0']) expect(audioKeyAction(numpad(k), true)).toBeNull();
    expect(audioKeyAction({ key: 's', code: 'KeyS' }, true)).toBeNull();
    expect(audioKeyAction({ key: ' ', code: 'Space' }, true)).toBeNull();
    expect(audioKeyAction(numpad('Enter'), true)).toBe('next');
    expect(audioKeyAction({ key: 'ArrowUp', code: 'ArrowUp' }, true)).toBe('previous');
  });

  it('the main keyboard\'s digits do nothing outside a field; a key with Ctrl never acts', () => {
    expect(audioKeyAction({ key: '5', code: 'Digit5' }, false)).toBeNull();
    expect(audioKeyAction({ key: 'Enter', code: 'Enter', ctrlKey: true }, false)).toBeNull();
  });
});
