import { describe, expect, it } from 'vitest';
import { labelValueRows, textColumns, wrapColumns } from './layout';

const CLOSING = /^[。，、；：？！）」』】》〉”’…％·,.;:?!)\]}%]/;
const OPENING = /[（「『【《〈“‘([{]$/;

describe('wrapColumns', () => {
  it('never leaves closing punctuation alone at the start of a line (a lone 。)', () => {
    // 11 characters fill 22 columns exactly: a plain cut would put "。" alone on the second line.
    const rows = wrapColumns('凭受理编号查询办理进度。', 22);
    expect(rows).toEqual(['凭受理编号查询办理进', '度。']);
  });

  it('keeps every line within the width and loses no character, for any width', () => {
    const text = '您的申请已经保存，结束后也不会丢失。请凭受理编号（SQ20261121000001）查询进度！';
    for (let columns = 4; columns <= 40; columns++) {
      const rows = wrapColumns(text, columns);
      expect(rows.join(''), `width ${columns}`).toBe(text);
      for (const [i, row] of rows.entries()) {
        expect(textColumns(row), `width ${columns} row ${i}`).toBeLessThanOrEqual(columns);
        if (i > 0) expect(row, `width ${columns} row ${i}`).not.toMatch(CLOSING);
        if (i < rows.length - 1) expect(row, `width ${columns} row ${i}`).not.toMatch(OPENING);
      }
    }
  });

  it('does not end a line with an opening bracket', () => {
    expect(wrapColumns('受理编号（一）', 10)).toEqual(['受理编号', '（一）']);
  });

  it('applies to a label/value row wrapped under its label', () => {
    // The value wraps at 20 columns: ten characters fill it, the "。" would be alone.
    const rows = labelValueRows('缴费办法', '请到窗口或手机上缴费。', 22);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows.slice(1)) expect(row.trimStart()).not.toMatch(CLOSING);
  });
});
