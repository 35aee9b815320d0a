import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreateFile } from './fs/read-or-create-file';

/**
 * The plain-Node device id: read from `<dataDir>/device-id`, created on first
 * use as `kiosk-<uuid>`. Creation is atomic (see {@link readOrCreateFile}),
 * so two processes starting at once agree on one id. Throws when the file
 * exists but is empty or unreadable.
 */
export function readOrCreateDeviceId(dataDir: string): string {
  const path = join(dataDir, 'device-id');
  // Not a secret: readable by others (0644), like the file the first version wrote.
  const id = readOrCreateFile(path, () => `kiosk-${randomUUID()}\n`, 0o644).toString('utf8').trim();
  if (id.length === 0) throw new Error(`${path} is empty`);
  return id;
}
