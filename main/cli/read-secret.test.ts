import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readSecret } from './read-secret';

/** A stand-in terminal: a stream that reports isTTY and records raw mode. */
function fakeTty() {
  const input = new PassThrough() as unknown as NodeJS.ReadStream & PassThrough;
  const modes: boolean[] = [];
  Object.assign(input, { isTTY: true, setRawMode: (on: boolean) => (modes.push(on), input) });
  return { input, modes };
}

describe('readSecret', () => {
  it('on a terminal: raw mode, nothing echoed, Backspace edits, Enter ends', async () => {
    const { input, modes } = fakeTty();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (d) => (shown += String(d)));
    const answer = readSecret('PIN: ', input, output);
    input.write('48291x\u007f6\r');
    expect(await answer).toBe('482916');
    expect(shown).toBe('PIN: \n');
    expect(modes).toEqual([true, false]);
  });

  it('Ctrl+C ends with an empty answer; from a pipe the first line is read', async () => {
    const { input } = fakeTty();
    const answer = readSecret('PIN: ', input, new PassThrough());
    input.write('12\u0003');
    expect(await answer).toBe('');
    const pipe = new PassThrough() as unknown as NodeJS.ReadStream & PassThrough;
    const piped = readSecret('PIN: ', pipe, new PassThrough());
    pipe.end('482916\nrest\n');
    expect(await piped).toBe('482916');
  });
});
