import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isPinnableVersion } from '../../../common/update/pinned-version';
import { writeFileAtomic } from '../../core/write-file-atomic';

const Version = z.string().max(64).refine(isPinnableVersion);

/** A kept, signed artifact (what the installer needs to install it again). */
export const KeptArtifactSchema = z.object({ file: z.string().max(4096), version: Version, sha512: z.string().max(100), signature: z.string().max(200) });
export type KeptArtifact = z.infer<typeof KeptArtifactSchema>;

/** An update waiting for its health check: written before the switch, read by the new version after the restart. */
export const PendingHealthSchema = z.object({
  /** The version that was running before (M). */
  previous: Version,
  /** M's artifact when the terminal kept one (reinstalled if the installer's kept slot is gone); null when only the slot is kept. */
  previousArtifact: KeptArtifactSchema.nullable(),
  /** The version installed (N). */
  current: Version,
  /** When N must have reported healthy, ms since the epoch. */
  deadline: z.number().int().nonnegative(),
});
export type PendingHealth = z.infer<typeof PendingHealthSchema>;

/** A version that failed its health check here and was rolled back: not installed again while the pin still names it. */
export const RolledBackSchema = z.object({ version: Version, to: Version, at: z.string().max(40), reason: z.string().max(40) });
export type RolledBack = z.infer<typeof RolledBackSchema>;

/** Where the update state lives: `<dataDir>/update/`. */
export function updateStateDir(dataDir: string): string {
  return join(dataDir, 'update');
}

function readJson<T>(path: string, schema: z.ZodType<T>): T | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The update state files of one terminal (`<dataDir>/update/`):
 * `pending-health.json` while an update waits for its health check,
 * `rolled-back.json` for the last version rolled back. Files are written
 * atomically; a missing, unreadable or malformed file reads as null.
 */
export class UpdateStateFiles {
  readonly dir: string;
  constructor(dataDir: string) {
    this.dir = updateStateDir(dataDir);
  }

  private get pendingPath(): string {
    return join(this.dir, 'pending-health.json');
  }

  private get rolledBackPath(): string {
    return join(this.dir, 'rolled-back.json');
  }

  /** The pending health check, or null. */
  pending(): PendingHealth | null {
    return readJson(this.pendingPath, PendingHealthSchema);
  }

  /** Records a pending health check (before the installer switches). */
  setPending(state: PendingHealth): void {
    writeFileAtomic(this.pendingPath, `${JSON.stringify(PendingHealthSchema.parse(state))}\n`);
  }

  /** Removes the pending health check. */
  clearPending(): void {
    rmSync(this.pendingPath, { force: true });
  }

  /** The last version rolled back, or null. */
  rolledBack(): RolledBack | null {
    return readJson(this.rolledBackPath, RolledBackSchema);
  }

  /** Records a rollback. */
  setRolledBack(record: RolledBack): void {
    writeFileAtomic(this.rolledBackPath, `${JSON.stringify(RolledBackSchema.parse(record))}\n`);
  }

  /** Forgets the last rollback (the version was later installed and found healthy). */
  clearRolledBack(): void {
    rmSync(this.rolledBackPath, { force: true });
  }
}
