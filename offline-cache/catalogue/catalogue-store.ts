import type Database from 'better-sqlite3';
import { ServiceDetailSchema, type ServiceDetail } from '../../common/contract/schemas';
import { CatalogueUpdateSchema, LifeEventSchema, type CatalogueUpdate, type LifeEvent } from './catalogue-update';

/** What {@link CatalogueStore.applyUpdate} did. */
export interface CatalogueApplyResult {
  /** Version after the update. */
  version: number;
  /** Items written. */
  upserted: number;
  /** Items deleted. */
  removed: number;
  /** False when the update was older than or equal to the cached version (ignored). */
  applied: boolean;
}

/**
 * Versioned catalogue cache. Updates (full or delta) are validated completely
 * before anything is written and then applied in one transaction, so the
 * cache is always one consistent version. Reads validate each row; a corrupt
 * row is set aside and skipped.
 */
export class CatalogueStore {
  constructor(
    private readonly writer: Database.Database,
    private readonly reader: Database.Database,
    private readonly guard: <T>(fn: () => T) => T,
    private readonly now: () => Date,
  ) {}

  /** Cached catalogue version; 0 when nothing is cached. */
  version(): number {
    const r = this.reader.prepare(`SELECT value FROM catalogue_meta WHERE name = 'version'`).get() as { value: string } | undefined;
    const v = Number(r?.value ?? 0);
    return Number.isInteger(v) && v >= 0 ? v : 0;
  }

  /**
   * Applies a catalogue update (see {@link CatalogueUpdate}). It is validated
   * again here, as every store input is, so nothing invalid is ever written.
   * A full update replaces everything; a delta upserts `items`, deletes
   * `removed` and replaces the life events. A delta whose version is not
   * newer than the cache is ignored. Throws (writing nothing) when the
   * update is invalid.
   */
  applyUpdate(update: CatalogueUpdate): CatalogueApplyResult {
    const resp = CatalogueUpdateSchema.parse(update);
    const current = this.version();
    if (!resp.full && resp.version <= current) return { version: current, upserted: 0, removed: 0, applied: false };
    return this.guard(() =>
      this.writer
        .transaction(() => {
          let removed = 0;
          if (resp.full) {
            removed = this.writer.prepare('DELETE FROM catalogue_items').run().changes;
          } else {
            const del = this.writer.prepare('DELETE FROM catalogue_items WHERE code = ?');
            for (const code of resp.removed) removed += del.run(code).changes;
          }
          const put = this.writer.prepare('INSERT OR REPLACE INTO catalogue_items (code, body) VALUES (?, ?)');
          for (const item of resp.items) put.run(item.code, JSON.stringify(item));
          this.writer.prepare('DELETE FROM catalogue_life_events').run();
          const putEvent = this.writer.prepare('INSERT OR REPLACE INTO catalogue_life_events (id, body) VALUES (?, ?)');
          for (const e of resp.lifeEvents) putEvent.run(e.id, JSON.stringify(e));
          this.writer.prepare(`UPDATE catalogue_meta SET value = ? WHERE name = 'version'`).run(String(resp.version));
          return { version: resp.version, upserted: resp.items.length, removed, applied: true };
        })
        .immediate(),
    );
  }

  /** Every cached item in code order. Corrupt rows are set aside (not returned). */
  all(): ServiceDetail[] {
    const rows = this.reader.prepare('SELECT code, body FROM catalogue_items ORDER BY code').all() as Array<{ code: string; body: string }>;
    const out: ServiceDetail[] = [];
    for (const row of rows) {
      const item = this.parse(row);
      if (item) out.push(item);
    }
    return out;
  }

  /** One item by code, or null when absent or corrupt. */
  get(code: string): ServiceDetail | null {
    const row = this.reader.prepare('SELECT code, body FROM catalogue_items WHERE code = ?').get(code) as { code: string; body: string } | undefined;
    return row ? this.parse(row) : null;
  }

  /** Cached life-event bundles in id order. */
  lifeEvents(): LifeEvent[] {
    const rows = this.reader.prepare('SELECT body FROM catalogue_life_events ORDER BY id').all() as Array<{ body: string }>;
    const out: LifeEvent[] = [];
    for (const r of rows) {
      const e = safeJson(r.body, LifeEventSchema);
      if (e) out.push(e);
    }
    return out;
  }

  private parse(row: { code: string; body: string }): ServiceDetail | null {
    const item = safeJson(row.body, ServiceDetailSchema);
    if (item) return item;
    try {
      this.guard(() =>
        this.writer
          .transaction(() => {
            this.writer
              .prepare('INSERT INTO set_aside (source, row_key, reason, body, at) VALUES (?, ?, ?, ?, ?)')
              .run('catalogue_items', row.code, 'invalid-row', Buffer.from(row.body, 'utf8'), this.now().toISOString());
            this.writer.prepare('DELETE FROM catalogue_items WHERE code = ?').run(row.code);
          })
          .immediate(),
      );
    } catch {
      // Setting aside is best effort: the row is still skipped for this read.
    }
    return null;
  }
}

function safeJson<T>(text: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): T | null {
  try {
    const r = schema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
