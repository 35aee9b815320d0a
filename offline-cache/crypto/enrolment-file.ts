import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/write-file-atomic';

/** File of the terminal's enrolment inside the data directory. */
export const ENROLMENT_FILE = 'enrolment.json';

/** What the platform answered at enrolment; `platformPublicKey` is SPKI DER, base64. */
export interface EnrolmentRecord {
  deviceId: string;
  siteId: string;
  algorithm: string;
  platformPublicKey: string;
  platformUrl: string;
  enrolledAt: string;
}

/** The terminal's enrolment, or null when it was never enrolled. Throws when the file exists but is not an enrolment. */
export function readEnrolment(dataDir: string): EnrolmentRecord | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, ENROLMENT_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const r = JSON.parse(text) as Partial<EnrolmentRecord>;
  for (const k of ['deviceId', 'siteId', 'algorithm', 'platformPublicKey', 'platformUrl', 'enrolledAt'] as const) {
    if (typeof r[k] !== 'string') throw new Error(`${ENROLMENT_FILE}: ${k} missing`);
  }
  return r as EnrolmentRecord;
}

/** Writes the enrolment atomically and durably (mode 0644: nothing secret), replacing an earlier one (re-enrolment). Throws on I/O errors. */
export function writeEnrolment(dataDir: string, record: EnrolmentRecord): void {
  writeFileAtomic(join(dataDir, ENROLMENT_FILE), `${JSON.stringify(record, null, 2)}\n`, 0o644);
}
