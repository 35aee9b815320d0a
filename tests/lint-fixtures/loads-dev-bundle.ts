import { createRequire } from 'node:module';
import { join } from 'node:path';

// The one way the shell reaches main/dev: the built development bundle, by a computed path.
export const load = (dir: string): unknown => createRequire(import.meta.url)(join(dir, 'dev.cjs'));
