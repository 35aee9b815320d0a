import type { CatalogueApplyResult, KioskStore } from '../../offline-cache/index';
import type { PlatformClient } from '../client/platform-client';

/**
 * Fetches catalogue changes since the cached version (`since` omitted when
 * nothing is cached, so the platform sends everything) and applies them
 * atomically; once a version is cached the request is conditional and a 304
 * (still that version) changes nothing (`applied: false`). Throws the client's typed errors or the store's validation
 * error; the cache is unchanged then.
 */
export async function refreshCatalogue(store: KioskStore, client: PlatformClient): Promise<CatalogueApplyResult & { full: boolean }> {
  const version = store.catalogue.version();
  // Conditional once something is cached: an unchanged catalogue costs a 304 and no body.
  let body;
  if (version === 0) body = (await client.catalogue(null)).body;
  else {
    const reply = await client.catalogueIfChanged(version);
    if (reply.notModified) return { version, upserted: 0, removed: 0, applied: false, full: false };
    body = reply.body;
  }
  const { version: next, full, items, removed, lifeEvents } = body;
  // The wire answer, validated by the client, becomes the store's own shape (no serverTime).
  const result = store.catalogue.applyUpdate({ version: next, full, items, removed, lifeEvents });
  return { ...result, full };
}
