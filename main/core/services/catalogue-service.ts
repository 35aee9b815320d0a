import type { z } from 'zod';
import type { MethodsOf } from '../../../common/contract/define';
import type { KioskContract } from '../../../common/contract/kiosk-contract';
import type { CatalogueOverviewSchema, ServiceDetail, ServiceSummary } from '../../../common/contract/schemas';
import { KioskError } from '../../../common/contract/errors';
import { CATALOGUE_TEXT_LOCALES, type ItemI18n, type NameI18n, type SummaryI18n } from '../../../common/contract/catalogue-text';
import { createCatalogueIndex, type CatalogueIndex } from '../../../common/catalogue-search/create-catalogue-index';
import type { KioskStore } from '../../../offline-cache/index';
import { regionalCatalogue } from '../../../common/domain/regional-catalogue';

/** How many "most used here" items the overview lists. */
const POPULAR_COUNT = 8;
const USAGE_KEY = 'catalogue.usage';
/** Config key holding the terminal's region, so `kioskctl catalogue search` lists what the kiosk lists. */
export const REGION_KEY = 'catalogue.region';

/** Options of {@link CatalogueService}. */
export interface CatalogueServiceOptions {
  /** Six-digit division code the terminal serves (config `region`); null (default): the basic list only. */
  region?: string | null;
}

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
    ...(item.kind ? { kind: item.kind } : {}),
    ...(item.delegable !== undefined ? { delegable: item.delegable } : {}),
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
  const byCode = new Map(details.map((d) => [d.code, d]));
  return createCatalogueIndex(details.map(toSummary), {
    keywords: (s) => byCode.get(s.code)?.keywords,
    demand: (s) => byCode.get(s.code)?.casesLastYear,
    ...(popularity ? { popularity } : {}),
  });
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
 * (offline-cache) as implemented for the terminal's region (one entry per
 * basic item, see {@link regionalCatalogue}) plus an in-memory search index
 * rebuilt whenever the cache changes. Works fully offline once a catalogue
 * has been cached.
 */
export class CatalogueService {
  private index: CatalogueIndex = createCatalogueIndex([]);
  /** Every cached entry (a queued application may name one not listed here). */
  private allByCode = new Map<string, ServiceDetail>();
  /** The entries this terminal lists and searches. */
  private byCode = new Map<string, ServiceDetail>();
  private shownAs: (code: string) => string | null = () => null;
  private indexedVersion = -1;
  private usageCache: Record<string, number> = {};
  private readonly region: string | null;

  constructor(
    private readonly store: KioskStore,
    options: CatalogueServiceOptions = {},
  ) {
    this.region = options.region ?? null;
    if (store.config.get(REGION_KEY) !== this.region) store.config.set(REGION_KEY, this.region);
    this.usageCache = this.usage();
    this.reload();
  }

  /** Rebuilds the index from the cache when its version changed. Returns true when it did. */
  reload(): boolean {
    const version = this.store.catalogue.version();
    if (version === this.indexedVersion) return false;
    const items = this.store.catalogue.all();
    const view = regionalCatalogue(items, this.region);
    this.allByCode = new Map(items.map((i) => [i.code, i]));
    this.byCode = new Map(view.items.map((i) => [i.code, i]));
    this.shownAs = view.shownAs;
    this.index = buildCatalogueIndex(view.items, (code) => this.usageCache[code] ?? 0);
    this.indexedVersion = version;
    return true;
  }

  /** True when the cache holds no service this terminal offers (nothing for citizens). */
  isEmpty(): boolean {
    return this.byCode.size === 0;
  }

  /** The cached detail of one item (listed here or not), or null. */
  find(code: string): ServiceDetail | null {
    return this.allByCode.get(code) ?? null;
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

  /** A life event with its items as listed here (see {@link localCodes}), or null when the catalogue has none by that id. */
  lifeEvent(id: string): { id: string; name: string; itemCodes: string[] } | null {
    const event = this.store.catalogue.lifeEvents().find((e) => e.id === id);
    return event ? { id: event.id, name: event.name, itemCodes: this.localCodes(event.itemCodes) } : null;
  }

  /** Catalogue codes (a life event names basic items) as listed here: each by the entry shown in its place, those not offered left out, no repeats. */
  private localCodes(codes: readonly string[]): string[] {
    return [...new Set(codes.map((c) => this.shownAs(c)).filter((c): c is string => c !== null))];
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
      lifeEvents: this.store.catalogue.lifeEvents().map((e) => ({ id: e.id, name: e.name, itemCodes: this.localCodes(e.itemCodes), ...(e.i18n ? { i18n: e.i18n } : {}) })),
      popular,
    };
  }

  /** The contract methods of the `catalogue` service. */
  methods(): MethodsOf<KioskContract['catalogue']> {
    return {
      overview: async () => this.overview(),
      search: async (input) => {
        const lifeEventCodes = input.lifeEvent ? (this.lifeEvent(input.lifeEvent)?.itemCodes ?? []) : undefined;
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
        const item = this.allByCode.get(code);
        if (!item) throw new KioskError('not-found', `no service item ${code}`);
        return item;
      },
    };
  }
}
