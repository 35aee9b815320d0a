import type { z } from 'zod';

/** Outcome of one call to a citizen-facing platform endpoint. */
export type PlatformResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'unreachable' | 'rejected' | 'invalid-response'; status: number | null };

/** Default per-request timeout, in ms. */
export const CITIZEN_REQUEST_TIMEOUT_MS = 8000;

/**
 * Calls a citizen-facing platform endpoint (QR identity, payments,
 * certificates) and validates the JSON answer. Never throws: network failures,
 * 5xx and timeouts are `unreachable`, 4xx is `rejected`, a body that breaks
 * `schema` is `invalid-response` (hostile data never reaches the renderer).
 */
export async function platformJson<S extends z.ZodType>(
  target: { baseUrl: string; deviceId: string },
  method: 'GET' | 'POST',
  path: string,
  schema: S,
  body?: unknown,
  timeoutMs = CITIZEN_REQUEST_TIMEOUT_MS,
): Promise<PlatformResult<z.output<S>>> {
  const response = await platformFetch(target, method, path, body, timeoutMs);
  if (!response.ok) return response;
  try {
    const parsed = schema.safeParse(await response.value.json());
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'invalid-response', status: response.value.status };
  } catch {
    return { ok: false, reason: 'invalid-response', status: response.value.status };
  }
}

/** Like {@link platformJson} but returns the raw successful response (e.g. a PDF). */
export async function platformFetch(
  target: { baseUrl: string; deviceId: string },
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  timeoutMs = CITIZEN_REQUEST_TIMEOUT_MS,
): Promise<PlatformResult<Response>> {
  let response: Response;
  try {
    response = await fetch(`${target.baseUrl.replace(/\/+$/, '')}${path}`, {
      method,
      headers: { 'X-Kiosk-Device': target.deviceId, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { ok: false, reason: 'unreachable', status: null };
  }
  if (response.status >= 500) return { ok: false, reason: 'unreachable', status: response.status };
  if (!response.ok) return { ok: false, reason: 'rejected', status: response.status };
  return { ok: true, value: response };
}
