import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spokenForm } from './spoken-form.mjs';

const ROOT = join(import.meta.dirname, '..');
const withEspeak = spawnSync('espeak-ng', ['--version'], { stdio: 'ignore' }).status === 0;
const zhTwPrompts = Object.values(JSON.parse(readFileSync(join(ROOT, 'renderer/src/i18n/locales/zh-TW.json'), 'utf8')).prompts as Record<string, string>);

describe('what the voice is given to read', () => {
  it('zh-TW reads 身分 as 身份 (the same word, tone 4); other locales and other words are untouched', () => {
    expect(spokenForm('zh-TW', '請把身分證放在感應區，身分核驗')).toBe('請把身份證放在感應區，身份核驗');
    expect(spokenForm('zh-CN', '身分')).toBe('身分');
    expect(spokenForm('en', 'identity')).toBe('identity');
    expect(zhTwPrompts.some((p) => p.includes('身分'))).toBe(true);
  });

  it.skipIf(!withEspeak)('espeak-ng reads 分 in every zh-TW prompt with 身分 in tone 4 once given the spoken form', () => {
    const fen = (text: string) => execFileSync('espeak-ng', ['-v', 'cmn-latn-pinyin', '-q', '-x', text], { encoding: 'utf8' });
    expect(fen('身分')).toContain("f'@55n");
    for (const prompt of zhTwPrompts.filter((p) => p.includes('身分'))) {
      const ph = fen(spokenForm('zh-TW', prompt));
      expect(ph).toContain("f'@51n");
      expect(ph).not.toContain("f'@55n");
    }
  });
});
