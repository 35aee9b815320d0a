import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../tooling/repo-root';

/** The result of one `npm run package` into a temporary directory. */
export interface BuiltPackage {
  out: string;
  unpacked: string;
  deb: string;
}

/** Runs a repository TypeScript script under tsx in a child Node; resolves its exit status and output. */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, script), ...args], { cwd: REPO_ROOT, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Builds the Linux package on the stand-in Electron (`npm run package`,
 * gzip-compressed .deb for speed) into a fresh temporary directory. The
 * renderer is built only when dist/renderer is missing (`npm test` builds it
 * before the unit tests). Throws with the script's output when it fails.
 */
export function buildPackage(extraArgs: string[]): BuiltPackage {
  const out = mkdtempSync(join(tmpdir(), 'kiosk-package-'));
  const reuseRenderer = existsSync(join(REPO_ROOT, 'dist', 'renderer', 'index.html')) ? ['--no-renderer-build'] : [];
  const env = { ...process.env };
  delete env.KIOSK_ELECTRON_DIST;
  const r = runScript('scripts/package.ts', ['--out', out, '--deb-compression', 'gzip', ...reuseRenderer, ...extraArgs], env);
  if (r.status !== 0) throw new Error(`npm run package failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const deb = readdirSync(out).find((f) => f.endsWith('.deb'));
  if (!deb) throw new Error(`no .deb in ${out}`);
  return { out, unpacked: join(out, 'linux-unpacked'), deb: join(out, deb) };
}

/** Extracts a .deb's files into a new temporary directory (dpkg-deb -x) and returns it. */
export function extractDeb(deb: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-deb-'));
  execFileSync('dpkg-deb', ['-x', deb, dir]);
  return dir;
}

/**
 * Rebuilds `deb` into `outDeb` with `remove` (paths inside the package)
 * deleted and `replace` (path → content) written: a package as a build on
 * a real Electron would be (no stand-in marker), or with a file swapped.
 */
export function repackDeb(deb: string, outDeb: string, change: { remove?: string[]; replace?: Record<string, string> }): void {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-repack-'));
  try {
    execFileSync('dpkg-deb', ['-R', deb, dir]);
    for (const path of change.remove ?? []) rmSync(join(dir, path));
    for (const [path, content] of Object.entries(change.replace ?? {})) writeFileSync(join(dir, path), content);
    execFileSync('dpkg-deb', ['-Zgzip', '-z1', '--root-owner-group', '-b', dir, outDeb], { stdio: 'ignore' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
