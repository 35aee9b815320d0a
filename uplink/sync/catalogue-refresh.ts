import type { ServiceDetail } from '../../common/contract/schemas';
import type { CatalogueApplyResult, KioskStore } from '../../offline-cache/index';
import { PlatformProtocolError } from '../client/platform-errors';
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
  const { version: next, full, removed } = body;
  if (full && body.lifeEvents === undefined) throw new PlatformProtocolError('GET /api/v1/catalogue: a full catalogue without lifeEvents');
  // A compact delta's text edits, applied to copies of the cached items (an unknown code fails the whole answer).
  const patched = new Map<string, ServiceDetail>();
  for (const p of body.patches ?? []) {
    const cached = patched.get(p.code) ?? body.items.find((i) => i.code === p.code) ?? store.catalogue.get(p.code);
    if (!cached) throw new PlatformProtocolError(`GET /api/v1/catalogue: a patch for ${p.code}, which is not cached`);
    const item = structuredClone(cached);
    if (p.locale === 'zh-CN') item.name = p.text;
    else item.i18n = { ...item.i18n, [p.locale]: { ...item.i18n?.[p.locale], name: p.text } };
    patched.set(p.code, item);
  }
  const items = [...body.items.filter((i) => !patched.has(i.code)), ...patched.values()];
  const lifeEvents = body.lifeEvents ?? store.catalogue.lifeEvents();
  // The wire answer, validated by the client, becomes the store's own shape (no serverTime).
  const result = store.catalogue.applyUpdate({ version: next, full, items, removed, lifeEvents });
  return { ...result, full };
}
