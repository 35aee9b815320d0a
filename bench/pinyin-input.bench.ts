import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildPinyinIndex } from '../main/core/input/pinyin-candidates';

/**
 * On-screen pinyin input method (main/core): the lazy index build (time and
 * heap it keeps), and input-to-candidates time per keystroke after warm-up
 * while typing surnames, address words and whole words letter by letter.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

gc();
const heapBefore = process.memoryUsage().heapUsed;
// The build yields to the event loop in slices: the longest stretch the core cannot answer anything else.
let lastTick = performance.now();
let longestBlockMs = 0;
const monitor = setInterval(() => {
  const now = performance.now();
  longestBlockMs = Math.max(longestBlockMs, now - lastTick);
  lastTick = now;
}, 1);
let t = performance.now();
const index = await buildPinyinIndex();
const coldMs = performance.now() - t;
clearInterval(monitor);
gc();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
t = performance.now();
await buildPinyinIndex();
const warmBuildMs = performance.now() - t;

const words = ['zhang', 'wangxiaoming', 'lishimin', 'cun', 'xingfucun', 'zhen', 'beijing', 'xinjiangwulumuqi', 'fuwutaidubuhao', 'zh', 'a', 'shi'];
const keystrokes: string[] = [];
for (const w of words) for (let i = 1; i <= w.length; i++) keystrokes.push(w.slice(0, i));
for (const q of keystrokes) index.lookup(q, 50); // warm-up: first use of each prefix list is cached

const times: number[] = [];
for (let r = 0; r < 50; r++) {
  for (const q of keystrokes) {
    const s = performance.now();
    index.lookup(q, 50);
    times.push(performance.now() - s);
  }
}
times.sort((a, b) => a - b);

const fmt = (n: number) => n.toFixed(2);
console.log(`pinyin-index-characters: ${index.stats.characters} (goal: informational)`);
console.log(`pinyin-index-words: ${index.stats.words} (goal: informational)`);
console.log(`pinyin-index-build-cold: ${fmt(coldMs)} ms (goal: informational, once per process on first use)`);
console.log(`pinyin-index-build-warm: ${fmt(warmBuildMs)} ms (goal: informational)`);
console.log(`pinyin-index-build-longest-block: ${fmt(longestBlockMs)} ms (goal: informational, event loop held by the build)`);
console.log(`pinyin-index-heap: ${heapMb.toFixed(1)} MB (goal: informational)`);
console.log(`pinyin-candidates-keystroke-p50: ${fmt(percentile(times, 50))} ms (goal: informational)`);
console.log(`pinyin-candidates-keystroke-p95: ${fmt(percentile(times, 95))} ms (goal: <= 5 ms)`);
console.log(`pinyin-candidates-keystroke-max: ${fmt(times[times.length - 1]!)} ms (goal: informational)`);
console.log(`pinyin-zhang-first: ${index.lookup('zhang', 1)[0]?.text === '张' ? 1 : 0} hit (goal: 1, 张 first)`);
