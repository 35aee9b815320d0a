import { join } from 'node:path';

/** Repository root (two levels above this file). */
export const REPO_ROOT = join(import.meta.dirname, '..', '..');
