import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeptArtifactSchema, type KeptArtifact } from './pending-health-state';

/**
 * Signed artifacts the terminal keeps to reinstall (`<stateDir>/kept/`:
 * `<version>.deb` and `<version>.json` with its sha512 and signature). The
 * installer checks the signature again whenever one is reinstalled, so a
 * kept file changed on disk is refused, never installed.
 */
export class KeptArtifacts {
  private readonly dir: string;
  constructor(stateDir: string) {
    this.dir = join(stateDir, 'kept');
  }

  /** Copies a verified artifact into the keep; returns the kept record. Throws on I/O errors. */
  keep(artifact: KeptArtifact): KeptArtifact {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const file = join(this.dir, `${artifact.version}.deb`);
    if (artifact.file !== file) copyFileSync(artifact.file, file);
    const kept = { ...artifact, file };
    writeFileSync(join(this.dir, `${artifact.version}.json`), `${JSON.stringify(kept)}\n`);
    return kept;
  }

  /** The kept artifact of `version`, or null. */
  get(version: string): KeptArtifact | null {
    try {
      const parsed = KeptArtifactSchema.safeParse(JSON.parse(readFileSync(join(this.dir, `${version}.json`), 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Versions kept, in no particular order. */
  versions(): string[] {
    try {
      return readdirSync(this.dir)
        .filter((n) => n.endsWith('.json'))
        .map((n) => n.slice(0, -5));
    } catch {
      return [];
    }
  }

  /** Removes every kept artifact except `version`'s. */
  pruneExcept(version: string): string[] {
    const removed = this.versions().filter((v) => v !== version);
    for (const v of removed) {
      rmSync(join(this.dir, `${v}.deb`), { force: true });
      rmSync(join(this.dir, `${v}.json`), { force: true });
    }
    return removed;
  }
}
