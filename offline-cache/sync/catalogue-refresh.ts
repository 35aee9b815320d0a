import type { CatalogueApplyResult } from '../catalogue/catalogue-store';
import type { KioskStore } from '../kiosk-store';
import type { PlatformClient } from './platform-client';

/**
 * Fetches catalogue changes since the cached version (`since` omitted when
 * nothing is cached, so the platform sends everything) and applies them
 * atomically. Throws the client's typed errors or a validation error; the
 * cache is unchanged then.
 */
export async function refreshCatalogue(store: KioskStore, client: PlatformClient): Promise<CatalogueApplyResult & { full: boolean }> {
  const version = store.catalogue.version();
  const reply = await client.catalogue(version === 0 ? null : version);
  const result = store.catalogue.applyUpdate(reply.body);
  return { ...result, full: reply.body.full };
}
