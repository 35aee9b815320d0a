/**
 * A release version the platform may pin: strict semver `MAJOR.MINOR.PATCH`
 * with an optional prerelease part, no build metadata, no leading zeros, no
 * `v`, at most 64 characters. Anything else (paths, URLs, spaces, control
 * characters) is refused, because the version becomes part of an update
 * feed URL and of log lines.
 */
const PINNABLE = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})(-[0-9A-Za-z]+(\.[0-9A-Za-z]+)*)?$/;

/** The pin the kiosk follows: a version, none (`null`), or `refused` when the platform sent something that is not a version. */
export type PinnedVersion = { ok: true; version: string | null } | { ok: false };

/** Validates the heartbeat reply's `pinnedVersion`: a pinnable version string or null; anything else is refused (never thrown). */
export function parsePinnedVersion(raw: unknown): PinnedVersion {
  if (raw === null) return { ok: true, version: null };
  if (typeof raw === 'string' && raw.length <= 64 && PINNABLE.test(raw)) return { ok: true, version: raw };
  return { ok: false };
}

/** True when `version` is a pinnable version (see {@link parsePinnedVersion}). */
export function isPinnableVersion(version: string): boolean {
  return version.length <= 64 && PINNABLE.test(version);
}
