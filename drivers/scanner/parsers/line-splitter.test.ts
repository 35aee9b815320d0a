import { describe, expect, it } from 'vitest';
import { LineSplitter, type SplitLine } from './line-splitter';

const enc = (s: string) => new TextEncoder().encode(s);
const text = (lines: SplitLine[]) => lines.map((l) => (l.kind === 'line' ? new TextDecoder().decode(l.bytes) : `<overflow ${l.bytes}>`));

function feedSplit(input: Uint8Array, cuts: number[], max = 100): string[] {
  const s = new LineSplitter(max);
  const out: string[] = [];
  let prev = 0;
  for (const c of [...cuts, input.length]) {
    out.push(...text(s.push(input.subarray(prev, c))));
    prev = c;
  }
  return out;
}

describe('LineSplitter', () => {
  it('splits on CR, CRLF and LF and drops empty lines', () => {
    expect(feedSplit(enc('A1\rB2\r\nC3\n\r\n\rD4\r'), [])).toEqual(['A1', 'B2', 'C3', 'D4']);
  });

  it('gives the same lines for every split point of a CRLF stream', () => {
    const input = enc('https://example.gov.cn/q?x=1\r\n二维码\r\nZ\r\n');
    for (let i = 0; i <= input.length; i++) {
      for (let j = i; j <= input.length; j += 3) {
        expect(feedSplit(input, [i, j])).toEqual(['https://example.gov.cn/q?x=1', '二维码', 'Z']);
      }
    }
  });

  it('treats CR then LF in separate chunks as one terminator', () => {
    const s = new LineSplitter(10);
    expect(text(s.push(enc('AB\r')))).toEqual(['AB']);
    expect(text(s.push(enc('\nCD\r')))).toEqual(['CD']);
  });

  it('keeps a partial line until its terminator', () => {
    const s = new LineSplitter(10);
    expect(s.push(enc('ABC'))).toEqual([]);
    expect(text(s.push(enc('D\r')))).toEqual(['ABCD']);
  });

  it('reports an over-long line once as overflow and recovers at the next terminator', () => {
    const s = new LineSplitter(4);
    expect(text(s.push(enc('1234')))).toEqual([]);
    expect(text(s.push(enc('567\rOK\r')))).toEqual(['<overflow 7>', 'OK']);
    expect(text(s.push(enc('1234\r')))).toEqual(['1234']);
  });

  it('reset drops a partial line', () => {
    const s = new LineSplitter(10);
    s.push(enc('junk'));
    s.reset();
    expect(text(s.push(enc('X\r')))).toEqual(['X']);
  });
});
