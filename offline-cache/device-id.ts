import { randomBytes, randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The plain-Node device id: read from `<dataDir>/device-id`, created on first
 * use as `kiosk-<uuid>`. Creation is atomic (temp file + link), so two
 * processes starting at once agree on one id. Throws when the file exists but
 * is empty or unreadable.
 */
export function readOrCreateDeviceId(dataDir: string): string {
  const path = join(dataDir, 'device-id');
  const read = (): string | null => {
    try {
      const id = readFileSync(path, 'utf8').trim();
      if (id.length === 0) throw new Error(`${path} is empty`);
      return id;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  };
  const existing = read();
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, `kiosk-${randomUUID()}\n`, { flag: 'wx' });
  try {
    linkSync(temp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(temp);
  }
  return read()!;
}
