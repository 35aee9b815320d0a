import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Real photographs for the camera tests, taken at test time from Debian
 * packages (never committed: the project has no right to ship them):
 * `python3-imageio` carries the astronaut (Eileen Collins, NASA, public
 * domain) and a cat (`chelsea.png`), `r-cran-openxlsx` a portrait of Albert
 * Einstein. `apt-get download` + `dpkg-deb -x` into a git-ignored cache.
 */
export interface DebianFaceImages {
  /** A woman's face, frontal, 512×512 PNG. */
  astronaut: string;
  /** Another person (a different face for "someone else"), JPEG. */
  einstein: string;
  /** A cat: no human face. */
  cat: string;
}

/** The cache folder (git-ignored): `test-results/face-fixtures/`. */
export const FACE_FIXTURE_DIR = resolve(import.meta.dirname, '../../../test-results/face-fixtures');

const PACKAGES = ['python3-imageio', 'r-cran-openxlsx'] as const;
const FILES = {
  astronaut: 'usr/lib/python3/dist-packages/imageio/resources/images/astronaut.png',
  cat: 'usr/lib/python3/dist-packages/imageio/resources/images/chelsea.png',
  einstein: 'usr/lib/R/site-library/openxlsx/extdata/einstein.jpg',
} as const;

/**
 * Downloads and unpacks the packages once (about 5 MB), then returns the
 * image paths. Throws with apt's message when a package cannot be had (run
 * `apt-get update` first: .ci/run does).
 */
export function debianFaceImages(dir = FACE_FIXTURE_DIR): DebianFaceImages {
  const root = join(dir, 'deb-root');
  const paths = { astronaut: join(root, FILES.astronaut), einstein: join(root, FILES.einstein), cat: join(root, FILES.cat) };
  if (Object.values(paths).every((p) => existsSync(p))) return paths;
  const debs = join(dir, 'debs');
  mkdirSync(debs, { recursive: true });
  mkdirSync(root, { recursive: true });
  for (const pkg of PACKAGES) {
    if (!readdirSync(debs).some((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'))) execFileSync('apt-get', ['download', '-qq', pkg], { cwd: debs, stdio: ['ignore', 'ignore', 'pipe'] });
  }
  for (const deb of readdirSync(debs).filter((f) => f.endsWith('.deb'))) execFileSync('dpkg-deb', ['-x', join(debs, deb), root]);
  for (const [name, p] of Object.entries(paths)) if (!existsSync(p)) throw new Error(`${name} not found in the unpacked packages at ${p}`);
  return paths;
}
