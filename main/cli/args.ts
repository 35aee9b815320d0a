import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-types';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What {@link parseCommandArgs} returns for the options `O`: their typed `values` and the `positionals`. */
export type ParsedCommandArgs<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/** Strict option parsing; unknown flags or a missing value throw {@link UsageError}. */
export function parseCommandArgs<O extends Options>(args: string[], options: O): ParsedCommandArgs<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Returns the string value of a required option or throws {@link UsageError}. */
export function requireOption(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.length === 0) throw new UsageError(`--${name} is required`);
  return v;
}

/** Parses an optional positive integer option (e.g. `--baud`), or returns `fallback`. */
export function intOption(values: Record<string, unknown>, name: string, fallback: number): number {
  const v = values[name];
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !/^\d+$/.test(v) || Number(v) <= 0) throw new UsageError(`--${name} must be a positive integer`);
  return Number(v);
}

/** Parses an optional non-negative number option (e.g. `--wait 2.5`), or returns `fallback`. */
export function numberOption(values: Record<string, unknown>, name: string, fallback: number): number {
  const v = values[name];
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !/^\d+(\.\d+)?$/.test(v)) throw new UsageError(`--${name} must be a non-negative number`);
  return Number(v);
}
