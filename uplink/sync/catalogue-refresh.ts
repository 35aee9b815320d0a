import type { CatalogueApplyResult, KioskStore } from '../../offline-cache/index';
import type { PlatformClient } from '../client/platform-client';

/**
 * Fetches catalogue changes since the cached version (`since` omitted when
 * nothing is cached, so the platform sends everything) and applies them
 * atomically. Throws the client's typed errors or the store's validation
 * error; the cache is unchanged then.
 */
export async function refreshCatalogue(store: KioskStore, client: PlatformClient): Promise<CatalogueApplyResult & { full: boolean }> {
  const version = store.catalogue.version();
  const reply = await client.catalogue(version === 0 ? null : version);
  const { version: next, full, items, removed, lifeEvents } = reply.body;
  // The wire answer, validated by the client, becomes the store's own shape (no serverTime).
  const result = store.catalogue.applyUpdate({ version: next, full, items, removed, lifeEvents });
  return { ...result, full };
}
