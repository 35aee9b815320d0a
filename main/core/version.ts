import { createRequire } from 'node:module';

/** The kiosk software version, from package.json. */
export const KIOSK_VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
