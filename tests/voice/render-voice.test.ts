import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROMPT_IDS } from '../../renderer/src/voice/prompt-ids';

/**
 * scripts/render-voice.mjs run for real (espeak-ng, sox) into a temporary
 * folder: zh-TW (Traditional characters through the Mandarin voice) and ug
 * (Arabic script). Skipped where espeak-ng is not installed.
 */
const ROOT = join(import.meta.dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/render-voice.mjs');
const LOCALES = ['zh-TW', 'ug'] as const;
const has = (cmd: string) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
const withEspeak = has('espeak-ng');
const withSox = has('sox');

function render(out: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [SCRIPT, '--out', out, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
}

/** An espeak-ng data folder like the installed one but without the Uyghur voice (for ESPEAK_DATA_PATH), or null. */
function dataWithoutUyghur(into: string): string | null {
  const installed = /Data at:\s*(\S+)/.exec(execFileSync('espeak-ng', ['--version'], { encoding: 'utf8' }))?.[1];
  if (!installed || !existsSync(join(installed, 'lang/trk/ug'))) return null;
  const data = join(into, 'espeak-ng-data');
  mkdirSync(data, { recursive: true });
  for (const name of readdirSync(installed)) if (name !== 'lang' && name !== 'ug_dict') symlinkSync(join(installed, name), join(data, name));
  cpSync(join(installed, 'lang'), join(data, 'lang'), { recursive: true });
  rmSync(join(data, 'lang/trk/ug'));
  return into;
}

interface Wav {
  format: number;
  channels: number;
  sampleRate: number;
  bits: number;
  samples: Int16Array;
}

/** Parses a PCM WAV file: RIFF/WAVE, the `fmt ` chunk and the `data` chunk. */
function readWav(path: string): Wav {
  const b = readFileSync(path);
  expect(b.toString('ascii', 0, 4)).toBe('RIFF');
  expect(b.toString('ascii', 8, 12)).toBe('WAVE');
  let at = 12;
  let fmt: Omit<Wav, 'samples'> | null = null;
  while (at + 8 <= b.length) {
    const id = b.toString('ascii', at, at + 4);
    // espeak-ng writes 0x7fffffff as the data size when streaming; the data then runs to the end.
    const size = Math.min(b.readUInt32LE(at + 4), b.length - at - 8);
    const body = at + 8;
    if (id === 'fmt ') fmt = { format: b.readUInt16LE(body), channels: b.readUInt16LE(body + 2), sampleRate: b.readUInt32LE(body + 4), bits: b.readUInt16LE(body + 14) };
    if (id === 'data') {
      if (!fmt) throw new Error(`${path}: data before fmt`);
      const data = b.subarray(body, body + size - (size % 2));
      return { ...fmt, samples: new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.length)) };
    }
    at = body + size + (size % 2);
  }
  throw new Error(`${path}: no data chunk`);
}

const rms = (s: Int16Array) => Math.sqrt(s.reduce((sum, v) => sum + v * v, 0) / Math.max(1, s.length)) / 32768;

describe.skipIf(!withEspeak)('render-voice.mjs', () => {
  let out: string;
  let first: ReturnType<typeof render>;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'kiosk-voice-'));
    // Leftovers the script must clean: the old flat layout and a prompt that no longer exists.
    writeFileSync(join(out, 'attract.wav'), 'old');
    mkdirSync(join(out, 'ug'));
    writeFileSync(join(out, 'ug', 'gone.wav'), 'old');
    first = render(out, ['--locales', LOCALES.join(',')]);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('exits 0 without warnings and names the voice of each locale', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(new RegExp(`zh-TW voice=cmn(-latn-pinyin)?: ${PROMPT_IDS.length} rendered`));
    expect(first.stdout).toMatch(new RegExp(`ug voice=ug: ${PROMPT_IDS.length} rendered`));
  });

  it('writes one WAV per prompt id per locale, and nothing else', () => {
    expect(readdirSync(out).sort()).toEqual([...LOCALES].sort());
    for (const locale of LOCALES) expect(readdirSync(join(out, locale)).sort()).toEqual(PROMPT_IDS.map((id) => `${id}.wav`).sort());
  });

  it.each(LOCALES)('%s: PCM mono 16-bit, 16 kHz with sox, with audible speech in every file', (locale) => {
    for (const id of PROMPT_IDS) {
      const wav = readWav(join(out, locale, `${id}.wav`));
      expect(wav.format, id).toBe(1);
      expect(wav.channels, id).toBe(1);
      expect(wav.bits, id).toBe(16);
      expect(wav.sampleRate, id).toBe(withSox ? 16_000 : 22_050);
      const seconds = wav.samples.length / wav.sampleRate;
      // The shortest prompts ("谢谢您，再见。", "رەھمەت، خەير خوش.") take about 2 s.
      expect(seconds, id).toBeGreaterThan(1);
      expect(seconds, id).toBeLessThan(15);
      expect(rms(wav.samples), id).toBeGreaterThan(0.02);
    }
  });

  it.each(LOCALES)('%s: the voice reads the text instead of spelling it', (locale) => {
    const voice = /(\S+) voice=(\S+):/.exec(first.stdout.split('\n').find((l) => l.includes(`${locale} voice=`)) ?? '')?.[2] ?? '';
    const prompts = JSON.parse(readFileSync(join(ROOT, `renderer/src/i18n/locales/${locale}.json`), 'utf8')).prompts as Record<string, string>;
    for (const [id, text] of Object.entries(prompts)) {
      const ph = execFileSync('espeak-ng', ['-v', voice, '-q', '-x', text], { encoding: 'utf8' });
      // No switch to another language, e.g. `(en)nI55nt'u:55` (pinyin read in English) or `(en)tS'aIni:z` ("Chinese letter").
      expect(ph, `${id}: ${ph}`).not.toMatch(/\([a-z]{2,3}\)/);
      const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
      if (han > 0) {
        // Mandarin: about one syllable per character (`_|` ends each); a character it does not know is read as its code point, several syllables.
        const syllables = ph.split('_|').length - 1;
        expect(syllables, `${id}: ${ph}`).toBeLessThanOrEqual(han + 2);
        expect(syllables, `${id}: ${ph}`).toBeGreaterThanOrEqual(han - 2);
      }
    }
  });

  it('cleans the old flat layout and prompts that no longer exist', () => {
    expect(existsSync(join(out, 'attract.wav'))).toBe(false);
    expect(existsSync(join(out, 'ug', 'gone.wav'))).toBe(false);
  });

  it('renders again only what is older than the locale file, or everything with --force', () => {
    const stale = join(out, 'ug', 'thanks.wav');
    utimesSync(stale, new Date(0), new Date(0));
    const again = render(out, ['--locales', LOCALES.join(',')]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`zh-TW: 0 rendered, ${PROMPT_IDS.length} prompts up to date`));
    expect(again.stdout).toMatch(/ug voice=ug: 1 rendered/);
    expect(statSync(stale).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
    const forced = render(out, ['--locales', 'ug', '--force']);
    expect(forced.stdout).toMatch(new RegExp(`ug voice=ug: ${PROMPT_IDS.length} rendered`));
  });

  it('a locale whose voice espeak-ng lacks is not rendered: old files go, so the kiosk falls back to zh-CN', (ctx) => {
    const other = mkdtempSync(join(tmpdir(), 'kiosk-voice-'));
    try {
      const data = dataWithoutUyghur(join(other, 'data'));
      if (!data) return ctx.skip();
      mkdirSync(join(other, 'voice/ug'), { recursive: true });
      writeFileSync(join(other, 'voice/ug/thanks.wav'), 'old');
      utimesSync(join(other, 'voice/ug/thanks.wav'), new Date(0), new Date(0));
      const r = render(join(other, 'voice'), ['--locales', 'ug'], { ESPEAK_DATA_PATH: data });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/ug: espeak-ng has none of the voices ug; not rendered \(1 old files removed\)/);
      expect(readdirSync(join(other, 'voice/ug'))).toEqual([]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses an unknown locale', () => {
    const bad = render(out, ['--locales', 'fr']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/unknown locale fr/);
  });
});

describe('render-voice.mjs without espeak-ng', () => {
  it('exits 0 with a warning and writes nothing', () => {
    const out = mkdtempSync(join(tmpdir(), 'kiosk-voice-'));
    try {
      const r = spawnSync(process.execPath, [SCRIPT, '--out', join(out, 'voice')], { encoding: 'utf8', env: { ...process.env, PATH: join(out, 'empty') } });
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/espeak-ng not found/);
      expect(existsSync(join(out, 'voice'))).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
