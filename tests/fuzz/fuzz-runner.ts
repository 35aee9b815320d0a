import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { FuzzTarget } from './fuzz-targets';

/** An input that takes longer than this (ms) to parse counts as a hang. */
export const HANG_MS = 5000;

/** Where inputs that once found a bug are kept, one JSON array per target; replayed before every run. */
export const CORPUS_DIR = fileURLToPath(new URL('./corpus/', import.meta.url));

/** What one fuzz run of a target found. */
export interface FuzzReport {
  target: string;
  /** Inputs run (corpus first, then generated). */
  inputs: number;
  /** Inputs the parser refused with its typed error. */
  rejected: number;
  /** Slowest single input, in ms. */
  slowestMs: number;
  elapsedMs: number;
  /** The first failing input (shrunk by fast-check) and why; null when none failed. */
  failure: { input: unknown; error: string } | null;
}

/** The kept corpus of `target` (empty when it has none). */
export function corpusOf(target: FuzzTarget): unknown[] {
  const file = join(CORPUS_DIR, `${target.name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown[]) : [];
}

/**
 * Runs `runs` generated inputs (and the kept corpus) through `target`: each
 * must be parsed, or refused with the target's typed error, within
 * {@link HANG_MS}. Deterministic for a given `seed`.
 */
export async function runFuzzTarget(target: FuzzTarget, runs: number, seed = 20261207): Promise<FuzzReport> {
  const started = performance.now();
  let inputs = 0;
  let rejected = 0;
  let slowestMs = 0;
  const one = async (input: unknown): Promise<void> => {
    inputs++;
    const t0 = performance.now();
    let untyped: unknown = null;
    try {
      await target.run(input);
    } catch (e) {
      if (target.typed(e)) rejected++;
      else untyped = e ?? new Error(String(e));
    }
    const ms = performance.now() - t0;
    slowestMs = Math.max(slowestMs, ms);
    if (untyped !== null) throw untyped;
    if (ms > HANG_MS) throw new Error(`hang: ${ms.toFixed(0)} ms for one input`);
  };
  const report = (failure: FuzzReport['failure']): FuzzReport => ({ target: target.name, inputs, rejected, slowestMs, elapsedMs: performance.now() - started, failure });
  for (const kept of corpusOf(target)) {
    try {
      await one(target.fromCorpus(kept));
    } catch (e) {
      return report({ input: kept, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    }
  }
  const result = await fc.check(fc.asyncProperty(target.arbitrary, one), { numRuns: runs, seed, endOnFailure: true });
  if (!result.failed) return report(null);
  const input = result.counterexample ? target.toCorpus(result.counterexample[0]) : null;
  const error = result.errorInstance instanceof Error ? `${result.errorInstance.name}: ${result.errorInstance.message}` : String(result.errorInstance);
  return report({ input, error });
}

/** One line of figures for a report. */
export function formatFuzzReport(r: FuzzReport): string {
  const rate = r.inputs / (r.elapsedMs / 1000);
  return `fuzz ${r.target}: ${r.inputs} inputs, ${r.rejected} refused with a typed error, slowest ${r.slowestMs.toFixed(1)} ms, ${Math.round(rate)} inputs/s${r.failure ? `; FAILED: ${r.failure.error} on ${JSON.stringify(r.failure.input).slice(0, 300)}` : ''}`;
}
