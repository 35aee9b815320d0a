/** One artifact of an update feed, as the release script publishes it. */
export interface FeedArtifact {
  version: string;
  /** The artifact's file name (the feed's `url`, relative to the channel file). */
  file: string;
  /** SHA-512 of the artifact, base64 (electron-updater's form). */
  sha512: string;
  size: number;
  /** The kiosk's detached release signature (update-signature.ts `signUpdate`), base64. */
  kioskSignature: string;
  /** ISO time of the release. */
  releaseDate: string;
  /** `stagingPercentage` (0–100); absent: everyone. */
  stagingPercentage?: number;
}

/** The channel file name electron-updater's generic provider reads on Linux: `latest-linux.yml`, `latest-linux-arm64.yml`. */
export function linuxChannelFile(channel: string, debArch: 'amd64' | 'arm64'): string {
  return `${channel}-linux${debArch === 'arm64' ? '-arm64' : ''}.yml`;
}

/**
 * The channel file (electron-builder's latest*.yml layout) for one artifact,
 * with `kioskSignature` in its `files` entry. Every value is a version,
 * a file name, base64 or a number: none needs YAML quoting but the date.
 */
export function channelFileText(a: FeedArtifact): string {
  return [
    `version: ${a.version}`,
    'files:',
    `  - url: ${a.file}`,
    `    sha512: ${a.sha512}`,
    `    size: ${a.size}`,
    `    kioskSignature: ${a.kioskSignature}`,
    `path: ${a.file}`,
    `sha512: ${a.sha512}`,
    `releaseDate: '${a.releaseDate}'`,
    ...(a.stagingPercentage === undefined ? [] : [`stagingPercentage: ${a.stagingPercentage}`]),
    '',
  ].join('\n');
}
