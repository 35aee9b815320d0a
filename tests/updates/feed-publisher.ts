import { createHash, type KeyObject } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signUpdate } from '../../main/electron/update/update-signature';

/** One release as the release tool would publish it into platform-sim's feed directory. */
export interface Release {
  /** Feed directory (platform-sim's `updatesDir`). */
  updatesDir: string;
  /** Default `latest` (the stable channel). */
  channel?: string;
  version: string;
  /** `linux` writes `latest-linux.yml` and a `.deb`, `win` writes `latest.yml` and an `.exe`. Default `linux`. */
  platform?: 'linux' | 'win';
  /** The artifact's bytes as served. Default `package <version>` padded to 64 KiB. */
  bytes?: Buffer;
  /** The bytes the feed's sha512 (and signature) describe; differs from `bytes` for a tampered artifact. Default `bytes`. */
  signedBytes?: Buffer;
  /** `stagingPercentage` of the feed; absent = everyone. */
  staging?: number;
  /** Key that signs `kioskSignature`; null = unsigned. */
  signer: KeyObject | null;
}

/** A published release: where the artifact is and what the feed says of it. */
export interface Published {
  artifact: string;
  sha512: string;
  channelFile: string;
}

const sha512Of = (bytes: Buffer): string => createHash('sha512').update(bytes).digest('base64');

/** Default artifact bytes for a version (64 KiB, so the download is a real stream). */
export function artifactBytes(version: string): Buffer {
  return Buffer.concat([Buffer.from(`package ${version}\n`), Buffer.alloc(64 * 1024, version)]);
}

/**
 * Writes the artifact and the channel file (`latest-linux.yml` /
 * `latest.yml`, electron-builder's layout) with the kiosk's
 * `kioskSignature` in the artifact's `files` entry, the way the release
 * script publishes. Overwrites a previous release of the channel.
 */
export function publishRelease(release: Release): Published {
  const channel = release.channel ?? 'latest';
  const win = release.platform === 'win';
  const dir = join(release.updatesDir, channel);
  mkdirSync(dir, { recursive: true });
  const name = win ? `GovKiosk-Setup-${release.version}.exe` : `gov-kiosk_${release.version}_amd64.deb`;
  const bytes = release.bytes ?? artifactBytes(release.version);
  const sha512 = sha512Of(release.signedBytes ?? bytes);
  writeFileSync(join(dir, name), bytes);
  const signature = release.signer ? `    kioskSignature: ${signUpdate(sha512, release.signer)}\n` : '';
  const channelFile = join(dir, `${channel}${win ? '' : '-linux'}.yml`);
  writeFileSync(
    channelFile,
    `version: ${release.version}\nfiles:\n  - url: ${name}\n    sha512: ${sha512}\n    size: ${(release.signedBytes ?? bytes).length}\n${signature}path: ${name}\nsha512: ${sha512}\nreleaseDate: '2026-12-01T00:00:00.000Z'\n${release.staging === undefined ? '' : `stagingPercentage: ${release.staging}\n`}`,
  );
  return { artifact: join(dir, name), sha512, channelFile };
}
