import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, corpusOf, formatFuzzReport, runFuzzTarget } from './fuzz-runner';
import { fuzzTargets } from './fuzz-targets';

/**
 * The soak part of the fuzzing (`npm run soak`): 10^6 inputs per parser
 * (`--runs N` to change, `--seed S` for another sequence). An input that
 * fails is added to the target's kept corpus (tests/fuzz/corpus/NAME.json),
 * so every later `npm test` replays it. Exits 1 when any target failed.
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('--runs', 1_000_000);
const seed = arg('--seed', Date.now() % 2 ** 31);
let failed = 0;
console.log(`fuzz: ${runs} inputs per parser, seed ${seed}`);
for (const target of fuzzTargets()) {
  const report = await runFuzzTarget(target, runs, seed);
  console.log(formatFuzzReport(report));
  if (report.failure) {
    failed++;
    mkdirSync(CORPUS_DIR, { recursive: true });
    writeFileSync(join(CORPUS_DIR, `${target.name}.json`), `${JSON.stringify([...corpusOf(target), report.failure.input], null, 2)}\n`);
    console.log(`  kept in ${join(CORPUS_DIR, `${target.name}.json`)}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
