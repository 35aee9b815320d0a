import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/**
 * Reads a JSON file and validates it with `schema` (a simulator's card file,
 * for instance). Throws an Error naming the file and the first problem when
 * it cannot be read, is not JSON or does not match.
 */
export function loadJsonFile<S extends z.ZodType>(path: string, schema: S, what: string): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read ${what} ${path}: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid ${what} ${path}: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown problem'}`);
  }
  return parsed.data as z.infer<S>;
}
