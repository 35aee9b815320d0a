import type { z } from 'zod';

/** An error answered as `{error: code, message}` with the given HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/**
 * Validates a request body (undefined counts as `{}`); throws a 400
 * `HttpError` with code `bad-request` naming the first bad path otherwise.
 */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
  throw new HttpError(400, 'bad-request', `${where}: ${issue?.message ?? 'invalid'}`);
}
