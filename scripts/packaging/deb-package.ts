import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The Debian architecture of an electron-builder arch. */
export const DEB_ARCH = { x64: 'amd64', arm64: 'arm64' } as const;

/** What {@link buildDeb} needs. */
export interface DebInput {
  /** electron-builder's unpacked app (`linux-unpacked`, `linux-arm64-unpacked`). */
  unpackedDir: string;
  /** Where the .deb is written. */
  outDir: string;
  arch: keyof typeof DEB_ARCH;
  /** Repository root (for the icon). */
  root: string;
  /** dpkg-deb compression; default xz (Debian's). */
  compression?: 'xz' | 'gzip' | 'none';
}

/**
 * Packages beyond Electron's own (electron-installer-debian adds those for
 * the Electron version it reads from the app): the devices (libusb, CUPS)
 * and the keyring safeStorage uses where a desktop keyring runs.
 */
export const KIOSK_DEB_DEPENDS = ['libusb-1.0-0', 'cups', 'libsecret-1-0', 'udev'] as const;

type Installer = (options: Record<string, unknown>) => Promise<{ packagePaths: string[] }>;

/**
 * Builds the .deb from the unpacked app with electron-installer-debian
 * (offline: Debian's dpkg-deb under fakeroot; electron-builder's own deb
 * target downloads fpm). The app lands in /usr/lib/gov-kiosk (root-owned,
 * read-only for everyone else once installed), `gov-kiosk` on the PATH.
 * Resolves the .deb's path; rejects when dpkg-deb or fakeroot fails.
 */
export async function buildDeb(input: DebInput): Promise<string> {
  // electron-installer-debian 3.2 (4.x needs Node 22) ships no types.
  const installer = createRequire(import.meta.url)('electron-installer-debian') as Installer;
  // The package's copyright file (electron-installer-debian takes the app's LICENSE; electron-builder renamed Electron's to LICENSE.electron.txt).
  copyFileSync(join(input.root, 'build', 'linux', 'copyright'), join(input.unpackedDir, 'LICENSE'));
  const result = await installer({
    src: input.unpackedDir,
    dest: input.outDir,
    arch: DEB_ARCH[input.arch],
    name: 'gov-kiosk',
    productName: 'GovKiosk',
    genericName: '政务服务自助终端 Government service kiosk',
    bin: 'gov-kiosk',
    section: 'misc',
    priority: 'optional',
    categories: ['Utility'],
    icon: join(input.root, 'build', 'icon.png'),
    depends: [...KIOSK_DEB_DEPENDS],
    compression: input.compression ?? 'xz',
  });
  const deb = result.packagePaths[0];
  if (!deb) throw new Error('electron-installer-debian produced no package');
  return deb;
}
