import type { z } from 'zod';
import type { MethodsOf } from '../../../common/contract/define';
import type { KioskContract } from '../../../common/contract/kiosk-contract';
import type { CatalogueOverviewSchema, ServiceDetail, ServiceSummary } from '../../../common/contract/schemas';
import { KioskError } from '../../../common/contract/errors';
import { CATALOGUE_TEXT_LOCALES, type ItemI18n, type NameI18n, type SummaryI18n } from '../../../common/contract/catalogue-text';
import { createCatalogueIndex, type CatalogueIndex } from '../../../common/catalogue-search/create-catalogue-index';
import type { KioskStore } from '../../../offline-cache/index';

/** How many "most used here" items the overview lists. */
const POPULAR_COUNT = 8;
const USAGE_KEY = 'catalogue.usage';

/** Strips a detail down to the summary the lists show (its `i18n` down to name and department). */
export function toSummary(item: ServiceDetail): ServiceSummary {
  const i18n = summaryI18n(item.i18n);
  return {
    code: item.code,
    name: item.name,
    department: item.department,
    category: item.category,
    itemType: item.itemType,
    queueable: item.queueable,
    output: item.output,
    feeFen: item.feeFen,
    ...(i18n ? { i18n } : {}),
  };
}

/** Name and department per locale of an item's `i18n`; undefined when it has neither in any locale. */
function summaryI18n(i18n: ItemI18n | undefined): SummaryI18n | undefined {
  if (!i18n) return undefined;
  const out: SummaryI18n = {};
  for (const locale of CATALOGUE_TEXT_LOCALES) {
    const t = i18n[locale];
    if (t?.name === undefined && t?.department === undefined) continue;
    out[locale] = { ...(t.name !== undefined ? { name: t.name } : {}), ...(t.department !== undefined ? { department: t.department } : {}) };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A department's name per locale: the first item of it that has one in that locale; undefined when none has. */
function departmentI18n(items: readonly ServiceDetail[]): NameI18n | undefined {
  const out: NameI18n = {};
  for (const locale of CATALOGUE_TEXT_LOCALES) {
    const name = items.find((i) => i.i18n?.[locale]?.department)?.i18n?.[locale]?.department;
    if (name) out[locale] = { name };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The kiosk's search index over cached catalogue details: summaries (what the
 * lists show) ranked with each item's `keywords` from the platform, the
 * kiosk's synonym table and, when given, the local count of started services.
 * Shared by the core and `kioskctl catalogue search`, so both rank alike.
 *
 * @param popularity uses of an item at this terminal (see {@link CatalogueService.recordUse}); default none.
 */
export function buildCatalogueIndex(details: readonly ServiceDetail[], popularity?: (code: string) => number): CatalogueIndex {
  const keywords = new Map(details.map((d) => [d.code, d.keywords]));
  return createCatalogueIndex(details.map(toSummary), { keywords: (s) => keywords.get(s.code), ...(popularity ? { popularity } : {}) });
}

/** Reads the local usage counts kept under the config key `catalogue.usage` (non-numbers ignored). */
export function readUsage(raw: unknown): Record<string, number> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const out: Record<string, number> = {};
  for (const [code, n] of Object.entries(raw as Record<string, unknown>)) if (typeof n === 'number' && Number.isFinite(n) && n > 0) out[code] = n;
  return out;
}

/**
 * The catalogue as the kiosk serves it: the cached platform catalogue
 * (offline-cache) plus an in-memory search index rebuilt whenever the cache
 * changes. Works fully offline once a catalogue has been cached.
 */
export class CatalogueService {
  private index: CatalogueIndex = createCatalogueIndex([]);
  private byCode = new Map<string, ServiceDetail>();
  private indexedVersion = -1;
  private usageCache: Record<string, number> = {};

  constructor(private readonly store: KioskStore) {
    this.usageCache = this.usage();
    this.reload();
  }

  /** Rebuilds the index from the cache when its version changed. Returns true when it did. */
  reload(): boolean {
    const version = this.store.catalogue.version();
    if (version === this.indexedVersion) return false;
    const items = this.store.catalogue.all();
    this.byCode = new Map(items.map((i) => [i.code, i]));
    this.index = buildCatalogueIndex(items, (code) => this.usageCache[code] ?? 0);
    this.indexedVersion = version;
    return true;
  }

  /** True when the cache holds no service at all (nothing to offer citizens). */
  isEmpty(): boolean {
    return this.byCode.size === 0;
  }

  /** The cached detail of one item, or null. */
  find(code: string): ServiceDetail | null {
    return this.byCode.get(code) ?? null;
  }

  /** Counts one use of an item at this terminal (feeds "most used here"). */
  recordUse(code: string): void {
    const usage = this.usage();
    usage[code] = (usage[code] ?? 0) + 1;
    this.store.config.set(USAGE_KEY, usage);
    this.usageCache = usage;
  }

  private usage(): Record<string, number> {
    return readUsage(this.store.config.get(USAGE_KEY));
  }

  private overview(): z.input<typeof CatalogueOverviewSchema> {
    const departments = new Map<string, ServiceDetail[]>();
    for (const item of this.byCode.values()) {
      const list = departments.get(item.department);
      if (list) list.push(item);
      else departments.set(item.department, [item]);
    }
    const usage = this.usage();
    const used = Object.entries(usage)
      .filter(([code]) => this.byCode.has(code))
      .sort((a, b) => b[1] - a[1])
      .map(([code]) => code);
    const fill = [...this.byCode.values()].filter((i) => !used.includes(i.code)).slice(0, POPULAR_COUNT);
    const popular = [...used.map((c) => this.byCode.get(c)!), ...fill].slice(0, POPULAR_COUNT).map(toSummary);
    return {
      catalogueVersion: Math.max(0, this.indexedVersion),
      departments: [...departments.entries()]
        .map(([name, items]) => {
          const i18n = departmentI18n(items);
          return { name, count: items.length, ...(i18n ? { i18n } : {}) };
        })
        .sort((a, b) => b.count - a.count),
      lifeEvents: this.store.catalogue
        .lifeEvents()
        .map((e) => ({ id: e.id, name: e.name, itemCodes: e.itemCodes.filter((c) => this.byCode.has(c)), ...(e.i18n ? { i18n: e.i18n } : {}) })),
      popular,
    };
  }

  /** The contract methods of the `catalogue` service. */
  methods(): MethodsOf<KioskContract['catalogue']> {
    return {
      overview: async () => this.overview(),
      search: async (input) => {
        const lifeEventCodes = input.lifeEvent ? this.store.catalogue.lifeEvents().find((e) => e.id === input.lifeEvent)?.itemCodes ?? [] : undefined;
        const result = this.index.search({
          query: input.query,
          ...(input.department ? { department: input.department } : {}),
          ...(lifeEventCodes ? { lifeEventCodes } : {}),
          limit: input.limit,
          offset: input.offset,
        });
        return { items: result.items, total: result.total, catalogueVersion: Math.max(0, this.indexedVersion) };
      },
      get: async ({ code }) => {
        const item = this.byCode.get(code);
        if (!item) throw new KioskError('not-found', `no service item ${code}`);
        return item;
      },
    };
  }
}
