import { describe, expect, it } from 'vitest';
import { formatFuzzReport, runFuzzTarget } from './fuzz-runner';
import { fuzzTargets } from './fuzz-targets';

/**
 * Every parser that reads the outside world gets 10^4 generated inputs per
 * run of the suite (10^6 in `npm run soak`), random and mutated valid ones,
 * after its kept corpus: 0 crashes, 0 hangs, every rejection a typed error.
 */
const RUNS = Number(process.env.KIOSK_FUZZ_RUNS ?? 10_000);

describe('fuzz: parsers of the outside world', () => {
  it.each(fuzzTargets().map((t) => [t.name, t] as const))(`%s: ${RUNS} inputs, each parsed or refused with its typed error`, async (_name, target) => {
    const report = await runFuzzTarget(target, RUNS);
    console.log(formatFuzzReport(report));
    expect(report.failure).toBeNull();
    expect(report.inputs).toBeGreaterThanOrEqual(RUNS);
  }, 300_000);
});
