import { basename } from 'node:path';
import { z } from 'zod';

/** One `files` entry of an update feed (latest*.yml) as the kiosk reads it; other fields are ignored. */
const FeedFileSchema = z.object({
  url: z.string().max(2048),
  sha512: z.string().max(200).optional(),
  /** The release script's detached Ed25519 signature over the sha512 (base64). */
  kioskSignature: z.string().max(200).optional(),
});

/** The sha512 and signature the feed states for one downloaded artifact. */
export interface FeedArtifact {
  /** Base64 sha512, or '' when the feed states none (the digest check then refuses). */
  sha512: string;
  /** The feed's `kioskSignature`, or undefined (unsigned). */
  signature: string | undefined;
}

/**
 * What the feed says of the artifact electron-updater downloaded to
 * `downloadedFile`: the `files` entry whose URL names the same file (else the
 * first well-formed entry), its sha512 (else the feed's top-level
 * `fallbackSha512`) and its `kioskSignature`. `files` comes from a parsed
 * YAML document the platform (or whoever answers in its place) wrote, so it
 * is read as unknown: malformed entries are skipped, over-long values are not
 * taken, and this never throws. Used by the staged updater and the pin fetch.
 */
export function feedArtifact(files: unknown, downloadedFile: string, fallbackSha512?: unknown): FeedArtifact {
  const entries = (Array.isArray(files) ? files : []).flatMap((f) => {
    const parsed = FeedFileSchema.safeParse(f);
    return parsed.success ? [parsed.data] : [];
  });
  const name = basename(downloadedFile);
  const entry = entries.find((f) => basename(f.url) === name) ?? entries[0];
  const fallback = typeof fallbackSha512 === 'string' && fallbackSha512.length <= 200 ? fallbackSha512 : '';
  return { sha512: entry?.sha512 ?? fallback, signature: entry?.kioskSignature };
}
