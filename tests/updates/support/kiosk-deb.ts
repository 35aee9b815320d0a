import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../sync/support/platform-process';

/**
 * Builds a tiny real .deb with Debian's dpkg-deb: package `name` (default
 * gov-kiosk) at `version`, holding `usr/lib/gov-kiosk/version` (the version
 * text) and an `app.txt` of `payload`. Returns the path of the .deb.
 */
export function buildKioskDeb(dir: string, version: string, options: { name?: string; payload?: string } = {}): string {
  const name = options.name ?? 'gov-kiosk';
  const tree = join(dir, `tree-${name}-${version}`);
  mkdirSync(join(tree, 'DEBIAN'), { recursive: true });
  mkdirSync(join(tree, 'usr/lib/gov-kiosk'), { recursive: true });
  writeFileSync(join(tree, 'DEBIAN/control'), `Package: ${name}\nVersion: ${version}\nArchitecture: all\nMaintainer: kiosk <kiosk@example.invalid>\nDescription: kiosk test package\n`);
  writeFileSync(join(tree, 'usr/lib/gov-kiosk/version'), `${version}\n`);
  writeFileSync(join(tree, 'usr/lib/gov-kiosk/app.txt'), options.payload ?? `kiosk ${version}`);
  const deb = join(dir, `${name}_${version}_all.deb`);
  execFileSync('dpkg-deb', ['--root-owner-group', '-Zgzip', '--build', tree, deb], { stdio: 'ignore' });
  return deb;
}

/** Paths of one installer under test (stand-ins for /opt/gov-kiosk, the spool and the root-only state). */
export interface InstallerPaths {
  root: string;
  spool: string;
  state: string;
  publicKey: string;
}

/** Lays out the installer's directories under `dir` and writes the release public key. */
export function installerPaths(dir: string, publicKeyPem: string): InstallerPaths {
  const paths = { root: join(dir, 'opt'), spool: join(dir, 'spool'), state: join(dir, 'state'), publicKey: join(dir, 'release-public-key.pem') };
  mkdirSync(paths.root, { recursive: true });
  writeFileSync(paths.publicKey, publicKeyPem);
  return paths;
}

/** The installer script's path. */
export const INSTALLER_SCRIPT = join(ROOT, 'build/linux/installer/kiosk-installer.mjs');

function args(p: InstallerPaths): string[] {
  return ['--root', p.root, '--spool', p.spool, '--state', p.state, '--public-key', p.publicKey];
}

/** Starts the real installer as a child process in `--watch` mode (what the systemd path unit does on each request). */
export function startInstaller(p: InstallerPaths): { child: ChildProcess; output: () => string; stop: () => Promise<void> } {
  const child = spawn(process.execPath, [INSTALLER_SCRIPT, '--watch', ...args(p)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Runs the installer once with `mode` (`--once`, `--rollback-pending`), as systemd would; resolves its exit code and output. */
export function runInstallerOnce(p: InstallerPaths, mode: '--once' | '--rollback-pending'): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [INSTALLER_SCRIPT, mode, ...args(p)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => resolve({ code, output: out }));
  });
}
