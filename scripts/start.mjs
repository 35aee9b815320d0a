// `npm start`: build what the Electron shell needs (renderer; main.cjs,
// preload.cjs and the development bundle dev.cjs, which the unpackaged shell
// loads for the embedded platform-sim and the simulator controls), then run
// it. Where the Electron binary is missing and cannot be downloaded (offline
// machines, CI), say so in one line and run the browser mode instead
// (main/dev/start-browser.ts).
//
// Electron 45 downloads its binary lazily (node_modules/electron/install.js)
// and records it in node_modules/electron/path.txt; the binary lives under
// node_modules/electron/dist/ (or ELECTRON_OVERRIDE_DIST_PATH).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronDir = join(root, 'node_modules', 'electron');
const verbose = process.env.KIOSK_VERBOSE === '1';
const FALLBACK_LINE = 'Electron 可执行文件未安装（无法联网下载）— Electron binary not available; starting browser mode instead (npm run start:browser)';

/** Path of the Electron executable when it is installed, else null. Never downloads. */
function installedElectron() {
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const p = join(override, relative || 'electron');
    return existsSync(p) ? p : null;
  }
  if (!relative) return null;
  const p = join(electronDir, 'dist', relative);
  return existsSync(p) ? p : null;
}

/** Tries Electron's own installer once (quiet unless it succeeds or KIOSK_VERBOSE=1). */
function tryDownloadElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1' && !process.env.KIOSK_FORCE_ELECTRON_DOWNLOAD) return;
  if (!existsSync(join(electronDir, 'install.js'))) return;
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: root, encoding: 'utf8', timeout: 10 * 60_000, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' } });
  if (verbose || r.status === 0) process.stdout.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
}

/** Runs a command in the repo root with inherited stdio; resolves with its exit code. */
function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on('error', (e) => {
      process.stderr.write(`${command}: ${e.message}\n`);
      resolve(1);
    });
  });
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let electron = installedElectron();
if (!electron) {
  tryDownloadElectron();
  electron = installedElectron();
}
if (!electron) {
  process.stdout.write(`${FALLBACK_LINE}\n`);
  process.exit(await run(npm, ['run', 'start:browser']));
}

if (!existsSync(join(root, 'dist', 'renderer', 'index.html')) || process.argv.includes('--rebuild')) {
  const code = await run(npm, ['run', 'build:renderer']);
  if (code !== 0) process.exit(code);
}
const built = await run(process.execPath, [join(root, 'scripts', 'build-electron.mjs'), '--quiet']);
if (built !== 0) process.exit(built);

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
process.exit(await run(electron, [root, ...process.argv.slice(2).filter((a) => a !== '--rebuild')], env));
