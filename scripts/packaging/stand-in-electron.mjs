// A stand-in Electron distribution for packaging on a machine that cannot
// download Electron (no npm package or Debian package ships the binary). It
// is the layout electron-builder's `electronDist` expects of an unpacked
// Linux Electron (`electron`, `resources/`, `version`, `LICENSE`) with an
// executable that carries Electron's fuse wire, so @electron/fuses flips and
// reads fuses on it exactly as on the real binary. It runs nothing: started,
// it says what it is and exits 1. Its marker file travels into every package
// built on it, and the release script refuses such a package.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** File at the root of the distribution, and so of the packaged app, that marks a stand-in build. */
export const STAND_IN_MARKER = 'STAND-IN-ELECTRON.txt';

/** @electron/fuses' sentinel: the fuse wire follows it (version byte, length byte, one byte per fuse). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * The wire an unflipped Electron 45 binary carries, in @electron/fuses 1.8's
 * order (RunAsNode, EnableCookieEncryption, EnableNodeOptionsEnvironmentVariable,
 * EnableNodeCliInspectArguments, EnableEmbeddedAsarIntegrityValidation,
 * OnlyLoadAppFromAsar, LoadBrowserProcessSpecificV8Snapshot,
 * GrantFileProtocolExtraPrivileges): '1' enabled, '0' disabled.
 */
const ELECTRON_DEFAULT_WIRE = '10110001';

/**
 * Writes a stand-in Linux Electron distribution into `dir` (created; files
 * overwritten) and returns `dir`. `version` goes into the `version` file
 * (electron-installer-debian reads it).
 * @param {string} dir
 * @param {{ version: string }} options
 * @returns {string}
 */
export function createStandInElectron(dir, { version }) {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]), Buffer.from(ELECTRON_DEFAULT_WIRE, 'latin1')]);
  const executable = Buffer.concat([
    Buffer.from('#!/bin/sh\n# Stand-in Electron (gov-kiosk packaging test): not a runnable Electron.\n# fuse wire: '),
    wire,
    Buffer.from(`\necho "stand-in Electron ${version}: this package cannot run; build it on a real Electron (KIOSK_ELECTRON_DIST, see docs/operations.md)" >&2\nexit 1\n`),
  ]);
  writeFileSync(join(dir, 'electron'), executable);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), `${version}\n`);
  writeFileSync(join(dir, 'LICENSE'), 'Stand-in for the Electron distribution: no Electron code is included.\n');
  writeFileSync(
    join(dir, STAND_IN_MARKER),
    `This package was built on a stand-in Electron ${version} distribution (scripts/packaging/stand-in-electron.mjs).\n` +
      'It proves the packaging pipeline only: it cannot run and must never be published (scripts/release.ts refuses it).\n' +
      '本安装包基于替身 Electron 构建，仅用于验证打包流程，不能运行，不得发布。\n',
  );
  return dir;
}
