import { hasKioskStore, openKioskStore, readOrCreateDeviceId, type KeyProvider, type KioskStore } from '../../offline-cache/index';

/** Exit status of every command that needs a kiosk's data and finds none in `--data-dir`. */
export const EXIT_NO_KIOSK_DATA = 5;

/** `--data-dir` holds no kiosk store (a typo, or the wrong machine's path). Turned into exit 5 by kioskctl. */
export class NoKioskDataError extends Error {
  override name = 'NoKioskDataError';
  constructor(readonly dataDir: string) {
    super(`这里没有终端数据 / no kiosk data here: ${dataDir} (no kiosk.db; check --data-dir)`);
  }
}

/**
 * Opens the store of a kiosk that already has one in `dataDir`. Throws
 * {@link NoKioskDataError} — having created nothing — when there is none;
 * only the kiosk itself and `tx submit` create a store. `keys`: the data
 * key's provider (default the development file key in `dataDir`).
 */
export function openExistingStore(dataDir: string, keys?: KeyProvider): KioskStore {
  if (!hasKioskStore(dataDir)) throw new NoKioskDataError(dataDir);
  return openKioskStore({ dataDir, deviceId: readOrCreateDeviceId(dataDir), ...(keys ? { keyProvider: keys } : {}) });
}
