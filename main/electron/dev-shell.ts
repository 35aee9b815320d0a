import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { KioskCore } from '../core/create-kiosk-core';

/** File name of the development bundle, beside `main.cjs` in `dist/electron/` (built by scripts/build-electron.mjs). */
export const DEV_BUNDLE_FILE = 'dev.cjs';

/** Site of the terminal the embedded development platform enrols (as main/dev's `DEV_ENROLMENT_SITE`). */
export const DEV_ENROLMENT_SITE = 'dev-site';

/** A running platform-sim started by the development bundle. */
export interface DevPlatform {
  /** Base URL, e.g. `http://127.0.0.1:41235`. */
  url: string;
  /** The one-time enrolment code the platform issued at this start (the core enrols with it when it holds no enrolment), or null. */
  enrolmentCode: string | null;
  /** Stops the process; resolves when it has exited. */
  stop(): Promise<void>;
}

/** The simulator-control host started by the development bundle. */
export interface DevSimControls {
  origin: string;
  /** Per-launch token for the `X-Kiosk-Token` header. */
  token: string;
  close(): Promise<void>;
}

/**
 * What the shell uses from `main/dev` (the exports of main/dev/electron-dev.ts).
 * Declared here, on the shell's side, because the shell may not import
 * main/dev, not even its types.
 */
export interface DevShellTools {
  /** Starts platform-sim as its own process on loopback (data under `dataDir`); rejects when it does not come up. */
  startEmbeddedPlatform(options: { dataDir: string; requireSignedRequests?: boolean; issueEnrolmentCode?: string }): Promise<DevPlatform>;
  /** Serves the simulator controls when any device is simulated (and logs how to reach them); resolves null otherwise. */
  startSimControls(core: KioskCore, log: (line: string) => void): Promise<DevSimControls | null>;
}

/**
 * The development tools behind the development switch: null when
 * `isPackaged` (a packaged shell never loads them, and the package does not
 * contain the bundle); otherwise `bundleDir/dev.cjs`, loaded with a runtime
 * require of a computed path, so the bundler cannot follow it and nothing
 * of main/dev ends up in the packaged `main.cjs` (tests/dev/shell-bundles.test.ts
 * greps it). Throws when the bundle is missing or is not the development
 * bundle (run `npm run build:electron`).
 */
export function loadDevShellTools(options: { isPackaged: boolean; bundleDir: string }): DevShellTools | null {
  if (options.isPackaged) return null;
  const path = join(options.bundleDir, DEV_BUNDLE_FILE);
  let loaded: Partial<DevShellTools>;
  try {
    loaded = createRequire(import.meta.url)(path) as Partial<DevShellTools>;
  } catch (e) {
    throw new Error(`development bundle ${path} could not be loaded (npm run build:electron): ${(e as Error).message}`);
  }
  if (typeof loaded.startEmbeddedPlatform !== 'function' || typeof loaded.startSimControls !== 'function') {
    throw new Error(`${path} is not the development bundle (no startEmbeddedPlatform/startSimControls)`);
  }
  return loaded as DevShellTools;
}
