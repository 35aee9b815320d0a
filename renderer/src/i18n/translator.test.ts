import { describe, expect, it, vi } from 'vitest';
import { createI18n, ensureLocale, hasLocale } from './i18n';
import { REFERENCE } from './locales';
import { Translator } from './translator';

const ZH = { app: { title: '政务服务', hello: '您好，{{name}}', twice: '{{n}} 和 {{ n }}' }, only: { zh: '只有中文' }, tree: { leaf: '叶' } };
const EN = { app: { title: 'Government services', hello: 'Hello, {{name}}' } };

describe('Translator', () => {
  it('looks nested keys up in the current language, then the fallback, then returns the key', async () => {
    const tr = new Translator('zh-CN', ZH);
    tr.addResourceBundle('en', EN);
    await tr.changeLanguage('en');
    expect(tr.t('app.title')).toBe('Government services');
    expect(tr.t('only.zh')).toBe('只有中文');
    expect(tr.t('no.such.key')).toBe('no.such.key');
    expect(tr.t('tree')).toBe('tree');
    expect(tr.exists('only.zh')).toBe(true);
    expect(tr.exists('tree')).toBe(false);
    expect(tr.exists('app.title.more')).toBe(false);
  });

  it('fills {{name}} placeholders (spaces allowed), numbers as text, a missing value as empty', () => {
    const tr = new Translator('zh-CN', ZH);
    expect(tr.t('app.hello', { name: '张*' })).toBe('您好，张*');
    expect(tr.t('app.twice', { n: 3 })).toBe('3 和 3');
    expect(tr.t('app.hello')).toBe('您好，{{name}}');
    expect(tr.t('app.hello', {})).toBe('您好，');
    expect(tr.t('app.hello', { name: '<b>' })).toBe('您好，<b>');
  });

  it('shows the fallback for a language whose resources are not loaded yet', async () => {
    const tr = new Translator('zh-CN', ZH);
    await tr.changeLanguage('ug');
    expect(tr.language).toBe('ug');
    expect(tr.t('app.title')).toBe('政务服务');
  });

  it('tells listeners about a language switch and about resources of the current language, not of others', async () => {
    const tr = new Translator('zh-CN', ZH);
    const listener = vi.fn();
    const off = tr.subscribe(listener);
    const r0 = tr.revision;
    tr.addResourceBundle('en', EN);
    expect(listener).not.toHaveBeenCalled();
    await tr.changeLanguage('en');
    await tr.changeLanguage('en');
    expect(listener).toHaveBeenCalledTimes(1);
    tr.addResourceBundle('en', { app: { title: 'Services' } });
    expect(listener).toHaveBeenCalledTimes(2);
    expect(tr.t('app.title')).toBe('Services');
    expect(tr.revision).toBe(r0 + 2);
    off();
    await tr.changeLanguage('zh-CN');
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('the kiosk translator starts in zh-CN with only zh-CN loaded and adds locales on demand', async () => {
    const tr = createI18n();
    expect(tr.language).toBe('zh-CN');
    expect(hasLocale(tr, 'en')).toBe(false);
    expect(tr.t('attract.start')).toBe((REFERENCE.attract as Record<string, string>).start);
    await ensureLocale(tr, 'en');
    expect(hasLocale(tr, 'en')).toBe(true);
    await tr.changeLanguage('en');
    expect(tr.t('attract.start')).not.toBe((REFERENCE.attract as Record<string, string>).start);
  });
});
