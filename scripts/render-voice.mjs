#!/usr/bin/env node
/**
 * Pre-renders the voice prompts (`prompts.*` in
 * renderer/src/i18n/locales/<locale>.json) of every kiosk locale to
 * renderer/public/voice/<locale>/<id>.wav with espeak-ng, so the kiosk speaks
 * offline in the language on screen. Run before `vite build` (the files are
 * copied into dist/renderer/voice/).
 *
 * Voices (first one espeak-ng has that reads the locale's prompts wins):
 *   zh-CN, zh-TW  cmn-latn-pinyin, then cmn, zh. espeak-ng 1.51's `cmn` voice
 *                 ("latin as English") turns each character into pinyin and
 *                 then reads that pinyin in English ("好" → "hao three", see
 *                 espeak-ng issue #1236); `cmn-latn-pinyin` reads the same
 *                 dictionary as Mandarin. It reads Traditional characters too,
 *                 so zh-TW is rendered from its own text.
 *   en            en-us, then en.
 *   ug            ug (reads the Arabic-script text).
 * A voice "reads" the text when its phonemes (`espeak-ng -x`) switch to no
 * other language, e.g. no `(en)` as with `cmn` above. Words a voice
 * mispronounces are given to it in another written form of the same word
 * (scripts/spoken-form.mjs, e.g. zh-TW 身分 → 身份).
 *
 * Output: 16 kHz mono 16-bit WAV (resampled with sox when available; without
 * sox espeak-ng's own 22.05 kHz mono 16-bit). A locale with no usable voice is
 * not rendered (its old files are removed) and the player falls back to zh-CN.
 * Skips a prompt whose WAV is newer than its locale file and this script
 * unless --force. Exits 0 with a warning when espeak-ng is missing: the kiosk
 * then shows text only (missing audio fails silently in the renderer).
 *
 * Usage: node scripts/render-voice.mjs [--force] [--out DIR] [--locales zh-CN,en]
 *   --out DIR       output folder (default renderer/public/voice; env KIOSK_VOICE_OUT)
 *   --locales LIST  comma-separated subset of locales (env KIOSK_VOICE_LOCALES)
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { spokenForm } from './spoken-form.mjs';

const run = promisify(execFile);
const self = fileURLToPath(import.meta.url);
const root = join(dirname(self), '..');
const localesDir = join(root, 'renderer/src/i18n/locales');

/** espeak-ng voices to try per locale, best first. */
const VOICES = {
  'zh-CN': ['cmn-latn-pinyin', 'cmn', 'zh'],
  'zh-TW': ['cmn-latn-pinyin', 'cmn', 'zh'],
  en: ['en-us', 'en'],
  ug: ['ug'],
};

function option(name, envName) {
  const i = process.argv.indexOf(name);
  if (i >= 0) {
    const value = process.argv[i + 1];
    if (!value || value.startsWith('--')) throw new Error(`render-voice: ${name} needs a value`);
    return value;
  }
  return process.env[envName] || null;
}

const force = process.argv.includes('--force');
const outDir = resolve(option('--out', 'KIOSK_VOICE_OUT') ?? join(root, 'renderer/public/voice'));
const locales = (option('--locales', 'KIOSK_VOICE_LOCALES') ?? Object.keys(VOICES).join(',')).split(',').filter(Boolean);
for (const l of locales) if (!(l in VOICES)) throw new Error(`render-voice: unknown locale ${l} (known: ${Object.keys(VOICES).join(', ')})`);

function has(cmd) {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
}

if (!has('espeak-ng')) {
  console.warn('render-voice: espeak-ng not found; voice prompts not rendered (text only). Install with: apt-get install espeak-ng sox');
  process.exit(0);
}
const withSox = has('sox');

/** Runs `tasks` (functions returning promises) with at most `limit` at a time. */
async function pool(tasks, limit) {
  const results = [];
  let next = 0;
  async function worker() {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** espeak-ng's phonemes for `text`, or null when it does not know `voice`. */
async function phonemes(voice, text) {
  try {
    return (await run('espeak-ng', ['-v', voice, '-q', '-x', text])).stdout;
  } catch {
    return null;
  }
}

/** Language switches in espeak-ng phonemes, e.g. `(en)` where it gave up on the voice's language. */
function switches(ph) {
  return ph.match(/\([a-z]{2,3}(?:-[a-z0-9]+)*\)/gi) ?? [];
}

/**
 * The first voice in `candidates` that espeak-ng has and that reads every
 * prompt without switching language; failing that the first it has (with a
 * warning naming the prompts it does not read); null when it has none.
 */
async function chooseVoice(locale, candidates, prompts) {
  let fallback = null;
  for (const voice of candidates) {
    const probe = await phonemes(voice, 'a');
    if (probe === null) continue;
    const results = await pool(
      prompts.map(([id, text]) => async () => [id, switches((await phonemes(voice, text)) ?? '')]),
      availableParallelism(),
    );
    const unread = results.filter(([, sw]) => sw.length > 0);
    if (unread.length === 0) return voice;
    fallback ??= { voice, unread };
  }
  if (fallback) {
    const list = fallback.unread.map(([id, sw]) => `${id} ${[...new Set(sw)].join('')}`).join(', ');
    console.warn(`render-voice: ${locale}: voice ${fallback.voice} switches language in: ${list}`);
    return fallback.voice;
  }
  return null;
}

/** Removes the WAV files of `dir` not in `keep` (a set of file names). */
function prune(dir, keep = new Set()) {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.wav') && !keep.has(name)) {
      rmSync(join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}

async function renderOne(voice, text, target) {
  const raw = `${target}.raw.tmp`;
  const tmp = `${target}.tmp.wav`;
  try {
    await run('espeak-ng', ['-v', voice, '-s', '150', '-w', raw, text]);
    if (withSox) await run('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', tmp, 'gain', '-1']);
    else renameSync(raw, tmp);
    renameSync(tmp, target);
  } finally {
    rmSync(raw, { force: true });
    rmSync(tmp, { force: true });
  }
}

const started = Date.now();
mkdirSync(outDir, { recursive: true });
// Before per-locale folders the prompts were voice/<id>.wav (zh-CN only).
prune(outDir);
// This script and the spoken forms it applies: a change to either renders again.
const scriptTime = Math.max(statSync(self).mtimeMs, statSync(join(dirname(self), 'spoken-form.mjs')).mtimeMs);
let total = 0;
for (const locale of locales) {
  const localeFile = join(localesDir, `${locale}.json`);
  const dir = join(outDir, locale);
  const prompts = Object.entries(JSON.parse(readFileSync(localeFile, 'utf8')).prompts ?? {}).map(([id, text]) => [id, spokenForm(locale, String(text))]);
  for (const [id] of prompts) if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`render-voice: bad prompt id ${id} in ${locale}`);
  prune(dir, new Set(prompts.map(([id]) => `${id}.wav`)));
  const newest = Math.max(statSync(localeFile).mtimeMs, scriptTime);
  const todo = prompts.filter(([id]) => {
    const target = join(dir, `${id}.wav`);
    return force || !existsSync(target) || statSync(target).mtimeMs < newest;
  });
  if (todo.length === 0) {
    console.log(`render-voice: ${locale}: 0 rendered, ${prompts.length} prompts up to date in ${dir}`);
    continue;
  }
  const voice = await chooseVoice(locale, VOICES[locale], prompts);
  if (!voice) {
    const removed = prune(dir);
    console.warn(`render-voice: ${locale}: espeak-ng has none of the voices ${VOICES[locale].join(', ')}; not rendered${removed ? ` (${removed} old files removed)` : ''}, the kiosk plays zh-CN audio instead`);
    continue;
  }
  mkdirSync(dir, { recursive: true });
  await pool(
    todo.map(([id, text]) => () => renderOne(voice, text, join(dir, `${id}.wav`))),
    availableParallelism(),
  );
  total += todo.length;
  console.log(`render-voice: ${locale} voice=${voice}: ${todo.length} rendered, ${prompts.length} prompts in ${dir}`);
}
console.log(`render-voice: ${total} rendered in ${((Date.now() - started) / 1000).toFixed(1)} s${withSox ? '' : ' (no sox: 22.05 kHz)'}`);
