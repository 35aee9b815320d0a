import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyProtectionSchema } from '../../../common/contract/schemas';
import { LOCALES, loadAllLocales } from './locales';
import { createI18n, ensureLocale, hasLocale } from './i18n';

/** Flattens nested resources to `a.b.c` → string. */
function flatten(obj: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') out[prefix + k] = v;
    else if (v && typeof v === 'object') Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${k}.`));
  }
  return out;
}

const SRC = join(import.meta.dirname, '..');

/** Every .tsx file of the renderer (transport and input excepted: not ours and no UI). */
function tsxFiles(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'transport' || name === 'input' ? [] : tsxFiles(path);
    return name.endsWith('.tsx') ? [path] : [];
  });
}

const RESOURCES = await loadAllLocales();
const reference = flatten(RESOURCES['zh-CN']);
const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('i18n resources', () => {
  it.each(LOCALES)('%s has exactly the keys of zh-CN, non-empty, with the same interpolation variables', (locale) => {
    const flat = flatten(RESOURCES[locale]);
    expect(Object.keys(flat).sort()).toEqual(Object.keys(reference).sort());
    for (const [key, value] of Object.entries(flat)) {
      expect(value.trim(), `${locale}:${key}`).not.toBe('');
      expect(vars(value), `${locale}:${key}`).toEqual(vars(reference[key] ?? ''));
    }
  });

  it('Uyghur is written in Arabic script and Traditional Chinese differs from Simplified', () => {
    const ug = flatten(RESOURCES.ug);
    const tw = flatten(RESOURCES['zh-TW']);
    expect(ug['attract.start']).toMatch(/[\u0600-\u06ff]/);
    expect(tw['attract.start']).not.toBe(reference['attract.start']);
  });

  it('every literal key passed to t() in a component exists', () => {
    const missing: string[] = [];
    for (const file of tsxFiles()) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'([^'$]+)'/g)) {
        const key = m[1] ?? '';
        if (!(key in reference)) missing.push(`${file}: ${key}`);
      }
      for (const m of src.matchAll(/\bt\(\s*`([^`]*)`/g)) {
        const prefix = (m[1] ?? '').split('${')[0] ?? '';
        if (!Object.keys(reference).some((k) => k.startsWith(prefix))) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('only zh-CN is loaded at start; ensureLocale adds the others', async () => {
    const i18n = createI18n();
    expect(LOCALES.filter((l) => hasLocale(i18n, l))).toEqual(['zh-CN']);
    for (const locale of LOCALES) await ensureLocale(i18n, locale);
    expect(LOCALES.filter((l) => hasLocale(i18n, l))).toEqual([...LOCALES]);
    void i18n.changeLanguage('en');
    expect(i18n.t('attract.start')).toBe(flatten(RESOURCES.en)['attract.start']);
  });

  it('dynamic keys resolve for every value they are built from', async () => {
    const i18n = createI18n();
    for (const locale of LOCALES) await ensureLocale(i18n, locale);
    const dynamic = [
      ...['read-failed', 'card-removed', 'invalid-card', 'device-error', 'qr-rejected', 'platform-unreachable'].map((c) => `identify.errors.${c}`),
      ...['queued', 'printing', 'done', 'failed'].map((s) => `printing.state.${s}`),
      ...['paper-out', 'cover-open', 'offline', 'unknown'].map((r) => `printing.reason.${r}`),
      ...['online', 'degraded', 'offline'].map((s) => `connectivity.${s}`),
      ...['missing', 'invalid', 'too-long'].map((p) => `precheck.${p}`),
      ...KeyProtectionSchema.options.map((p) => `technician.protection.${p}`),
    ];
    for (const locale of LOCALES) {
      void i18n.changeLanguage(locale);
      for (const key of dynamic) expect(i18n.exists(key), `${locale}:${key}`).toBe(true);
    }
  });
});

describe('no user-visible literals in components', () => {
  /** Removes comments so that TSDoc and explanatory comments are not flagged. */
  const stripComments = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

  it.each(tsxFiles().map((f) => [f.slice(SRC.length + 1), f]))('%s', (_name, file) => {
    const src = stripComments(readFileSync(file, 'utf8'));
    const problems: string[] = [];
    // Any Chinese, Arabic-script (Uyghur) or Tibetan character in code is a hard-coded UI string.
    for (const m of src.matchAll(/[\u3400-\u9fff\uf900-\ufaff\u0600-\u06ff\u0f00-\u0fff]+/g)) problems.push(`script text: ${m[0]}`);
    // JSX text nodes with letters: `>Some text<`.
    for (const m of src.matchAll(/>([^<>{}\n]*)</g)) {
      const text = (m[1] ?? '').trim();
      if (/[A-Za-z]/.test(text) && !/[=(){};:'"&|?,]/.test(text)) problems.push(`jsx text: ${text}`);
    }
    // JSX text on a line of its own, right after an opening tag.
    const lines = src.split('\n');
    lines.forEach((line, i) => {
      const prev = (lines[i - 1] ?? '').trim();
      if (prev.endsWith('>') && !prev.endsWith('=>') && /^\s*[A-Za-z][^<>{}=();:'"]*$/.test(line)) problems.push(`jsx text: ${line.trim()}`);
    });
    // Accessible-name attributes given as literals.
    for (const m of src.matchAll(/\b(aria-label|placeholder|title|alt)="([^"]+)"/g)) problems.push(`attribute: ${m[1]}="${m[2]}"`);
    expect(problems).toEqual([]);
  });
});
