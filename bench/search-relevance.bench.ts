import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogueIndex, toSummary } from '../main/core/services/catalogue-service';
import { generateCatalogue } from '../platform-sim/catalogue/generate-catalogue';
import { regionalCatalogue } from '../common/domain/regional-catalogue';
import { createCatalogueIndex as createLegacyIndex } from './support/legacy-catalogue-search/create-catalogue-index';
import { relevanceFigures, type RelevanceQuery } from './support/relevance-metrics';

/**
 * Search relevance over `bench/search-relevance/queries.json` (precision at 3
 * and MRR, whole set and held-out half) and per-keystroke ranking time while
 * every query is typed letter by letter, for the kiosk's ranking and for the
 * search as it was before issue 19, over the same platform-sim catalogue.
 * The index is built from the summaries the core indexes (`toSummary`) of
 * the entries a terminal lists (its regional catalogue), on a fresh terminal
 * (no local popularity).
 */
const here = dirname(fileURLToPath(import.meta.url));
const { queries } = JSON.parse(readFileSync(join(here, 'search-relevance/queries.json'), 'utf8')) as { queries: RelevanceQuery[] };
const details = generateCatalogue().items;
const summaries = details.map(toSummary);
// As a terminal lists the catalogue (regional catalogue): without a region, the basic list; in a district, its implementation items.
const current = buildCatalogueIndex(regionalCatalogue(details, null).items);
const district = buildCatalogueIndex(regionalCatalogue(details, '410102').items);
// Every entry of the national list side by side (one per district), as the kiosk listed before the regional catalogue.
const everything = buildCatalogueIndex(details);
const legacy = createLegacyIndex(summaries);
const basicOf = new Map(details.map((d) => [d.code, d.implements ?? d.code]));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function keystrokeTimes(search: (q: string) => unknown): number[] {
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of queries) {
      const chars = Array.from(q.query);
      for (let i = 1; i <= chars.length; i++) {
        const t = performance.now();
        search(chars.slice(0, i).join(''));
        times.push(performance.now() - t);
      }
    }
  }
  return times.sort((a, b) => a - b);
}

const fmt = (n: number) => n.toFixed(3);
const heldout = queries.filter((q) => q.half === 'heldout');
for (const [label, index, local] of [['search', current, false], ['search-district-410102', district, true], ['search-all-entries', everything, false], ['search-legacy', legacy, false]] as const) {
  // The expected items are basic items: in a district's list (one entry per basic item) its implementation stands for the basic item.
  const ranked = (q: string) => index.search({ query: q, limit: 10 }).items.map((i) => (local ? (basicOf.get(i.code) ?? i.code) : i.code));
  const whole = relevanceFigures(queries, ranked);
  const held = relevanceFigures(heldout, ranked);
  console.log(`${label}-relevance-queries: ${whole.queries} queries, ${held.queries} held out (goal: >= 100)`);
  console.log(`${label}-precision-at-3: ${fmt(whole.precisionAt3)} (goal: >= 0.9)`);
  console.log(`${label}-precision-at-3-heldout: ${fmt(held.precisionAt3)} (goal: >= 0.9)`);
  console.log(`${label}-mrr: ${fmt(whole.mrr)} (goal: informational)`);
  console.log(`${label}-mrr-heldout: ${fmt(held.mrr)} (goal: informational)`);
}
const now = keystrokeTimes((q) => current.search({ query: q, limit: 20 }));
const old = keystrokeTimes((q) => legacy.search({ query: q, limit: 20 }));
console.log(`search-keystroke-to-list-p95: ${fmt(percentile(now, 95))} ms (goal: <= 30 ms; core ranking per keystroke, ${now.length} keystrokes)`);
console.log(`search-legacy-keystroke-p95: ${fmt(percentile(old, 95))} ms (goal: informational)`);
console.log(`search-keystroke-p95-ratio-to-legacy: ${(percentile(now, 95) / percentile(old, 95)).toFixed(2)} x (goal: informational)`);
const misses = queries
  .filter((q) => q.half === 'tuning')
  .filter((q) => relevanceFigures([q], (s) => current.search({ query: s, limit: 10 }).items.map((i) => i.code)).precisionAt3 < 1);
for (const q of misses) console.log(`# tuning miss ${q.id} ${q.query}: ${current.search({ query: q.query, limit: 3 }).items.map((i) => i.name).join(' / ')}`);
