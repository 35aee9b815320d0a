// electron-builder `afterPack` hook (electron-builder.yml): flips the kiosk's
// Electron fuses on the packaged executable, then reads them back and fails
// the build when one is not as required. Runs before signing, so the signed
// binary carries the flipped wire. Uses @electron/fuses 1.8 (2.x needs Node 22).
import { join } from 'node:path';
import fuses from '@electron/fuses';

const { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } = fuses;

/** A fuse's byte in the wire: ASCII '1' enabled, '0' disabled (@electron/fuses' FuseState, not exported by its index). */
const FUSE_ENABLED = 0x31;
const FUSE_DISABLED = 0x30;

/**
 * The fuses of a packaged kiosk (issue 13): no Node mode, no NODE_OPTIONS, no
 * --inspect, the app only from the (integrity-checked where Electron supports
 * it: Windows, macOS) asar, no extra file:// privileges, encrypted cookies.
 * @type {Readonly<Record<string, boolean>>}
 */
export const KIOSK_FUSES = Object.freeze({
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
  EnableCookieEncryption: true,
});

/**
 * The packaged executable of an electron-builder pack context (Linux and Windows).
 * @param {{ appOutDir: string, electronPlatformName: string, packager: { executableName?: string, appInfo: { productFilename: string } } }} context
 * @returns {string}
 */
export function packagedExecutable(context) {
  if (context.electronPlatformName === 'win32') return join(context.appOutDir, `${context.packager.appInfo.productFilename}.exe`);
  if (context.electronPlatformName === 'linux') return join(context.appOutDir, /** @type {string} */ (context.packager.executableName));
  throw new Error(`kiosk fuses: no packaged executable known for ${context.electronPlatformName}`);
}

/**
 * Flips {@link KIOSK_FUSES} on `executable` and reads them back; rejects
 * (and so fails the build) when the binary has no fuse wire or a fuse reads
 * back otherwise.
 * @param {string} executable
 * @returns {Promise<void>}
 */
export async function flipKioskFuses(executable) {
  /** @type {Record<string | number, unknown>} */
  const config = { version: FuseVersion.V1 };
  for (const [name, on] of Object.entries(KIOSK_FUSES)) config[FuseV1Options[/** @type {keyof typeof FuseV1Options} */ (name)]] = on;
  await flipFuses(executable, /** @type {import('@electron/fuses').FuseConfig} */ (config));
  const wire = await getCurrentFuseWire(executable);
  const wrong = Object.entries(KIOSK_FUSES).filter(([name, on]) => wire[FuseV1Options[/** @type {keyof typeof FuseV1Options} */ (name)]] !== (on ? FUSE_ENABLED : FUSE_DISABLED));
  if (wrong.length > 0) throw new Error(`kiosk fuses: ${wrong.map(([name]) => name).join(', ')} did not read back as set on ${executable}`);
}

/**
 * The hook electron-builder calls after packing each platform/arch.
 * @param {Parameters<typeof packagedExecutable>[0]} context
 * @returns {Promise<void>}
 */
export default async function afterPack(context) {
  await flipKioskFuses(packagedExecutable(context));
}
