#!/usr/bin/env node
/**
 * Pre-renders every zh-CN voice prompt (`prompts.*` in
 * renderer/src/i18n/locales/zh-CN.json) to renderer/public/voice/<id>.wav with
 * espeak-ng's Mandarin voice, so the kiosk speaks offline. Run before
 * `vite build` (the files are copied into dist/renderer/voice/).
 *
 * Output: 16 kHz mono 16-bit WAV (resampled with sox when available).
 * Skips a prompt whose WAV is newer than the locale file unless --force.
 * Exits 0 with a warning when espeak-ng is missing: the kiosk then shows
 * text only (missing audio fails silently in the renderer).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, statSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const localeFile = join(root, 'renderer/src/i18n/locales/zh-CN.json');
const outDir = join(root, 'renderer/public/voice');
const force = process.argv.includes('--force');

function has(cmd) {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
}

if (!has('espeak-ng')) {
  console.warn('render-voice: espeak-ng not found; voice prompts not rendered (text only). Install with: apt-get install espeak-ng sox');
  process.exit(0);
}
const withSox = has('sox');

const prompts = JSON.parse(readFileSync(localeFile, 'utf8')).prompts ?? {};
mkdirSync(outDir, { recursive: true });
const localeTime = statSync(localeFile).mtimeMs;
let rendered = 0;
for (const [id, text] of Object.entries(prompts)) {
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`render-voice: bad prompt id ${id}`);
  const target = join(outDir, `${id}.wav`);
  if (!force && existsSync(target) && statSync(target).mtimeMs >= localeTime) continue;
  const raw = join(outDir, `${id}.raw.wav`);
  execFileSync('espeak-ng', ['-v', 'cmn', '-s', '150', '-w', raw, String(text)]);
  if (withSox) {
    execFileSync('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', target, 'gain', '-1']);
    execFileSync('rm', ['-f', raw]);
  } else {
    renameSync(raw, target);
  }
  rendered++;
}
console.log(`render-voice: ${rendered} rendered, ${Object.keys(prompts).length} prompts in ${outDir}`);
