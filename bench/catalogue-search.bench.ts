import { createCatalogueIndex } from '../common/catalogue-search/create-catalogue-index';
import { generateCatalogue } from '../platform-sim/catalogue/generate-catalogue';

/**
 * Catalogue search figures over the generated 3,000+ item catalogue: index
 * build time (cold, then warm) and per-keystroke search time while typing
 * "sbcx", "shebao", "社保", "出生" and a few more letter by letter.
 */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const { items } = generateCatalogue();

let t = performance.now();
const index = createCatalogueIndex(items);
const coldBuildMs = performance.now() - t;
t = performance.now();
createCatalogueIndex(items);
const warmBuildMs = performance.now() - t;

const words = ['sbcx', 'shebao', '社保', '出生', 'shebaochaxun', 'wfzjlzm', 'yidijiuyi', '残疾人'];
const keystrokes: string[] = [];
for (const w of words) {
  const chars = Array.from(w);
  for (let i = 1; i <= chars.length; i++) keystrokes.push(chars.slice(0, i).join(''));
}

const rounds = 20;
const times: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (const q of keystrokes) {
    const s = performance.now();
    index.search({ query: q, limit: 20 });
    times.push(performance.now() - s);
  }
}
times.sort((a, b) => a - b);
const top = index.search({ query: 'sbcx', limit: 1 }).items[0]?.name;

const fmt = (n: number) => n.toFixed(2);
console.log(`catalogue-items: ${items.length} items (goal: >= 3000)`);
console.log(`catalogue-index-build-cold: ${fmt(coldBuildMs)} ms (goal: informational)`);
console.log(`catalogue-index-build-warm: ${fmt(warmBuildMs)} ms (goal: informational)`);
console.log(`catalogue-search-keystroke-p50: ${fmt(percentile(times, 50))} ms (goal: informational)`);
console.log(`catalogue-search-keystroke-p95: ${fmt(percentile(times, 95))} ms (goal: <= 30 ms)`);
console.log(`catalogue-search-keystroke-max: ${fmt(times[times.length - 1]!)} ms (goal: informational)`);
console.log(`catalogue-search-sbcx-top: ${top === '社保查询' ? 1 : 0} hit (goal: 1, 社保查询 first)`);
