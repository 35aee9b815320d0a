/**
 * One request to the platform and what came back, as the client's `traffic`
 * hook sees it (test and development harnesses record these and check them
 * against docs/openapi.yaml). Bodies are the real ones, so an exchange may
 * carry personal data (a submission's form, a QR identity): only test and
 * development harnesses may set the hook; the shipped kiosk never does.
 */
export interface PlatformExchange {
  /** Kiosk time (ISO 8601) when the request was sent. */
  at: string;
  method: 'GET' | 'POST';
  /** Path without the query, e.g. `/api/v1/payments/0190…/cancel`. */
  path: string;
  /** Query parameters as sent (empty object when none). */
  query: Record<string, string>;
  /** The request as sent, after `signRequest`: header names in lower case; `body` is the JSON value, absent when there was none. */
  request: { headers: Record<string, string>; body?: unknown };
  /**
   * The answer, or null when none arrived (unreachable, timeout, cancelled).
   * `body` is the parsed JSON value when the answer was JSON; other bodies
   * (a certificate PDF) are summarised by their `content-type` header and `size`.
   */
  response: { status: number; headers: Record<string, string>; size: number; body?: unknown } | null;
  /** The typed error the call threw (`name`, `message`), or null when it succeeded. */
  error: { name: string; message: string } | null;
  /** Time from send to the end of the answer (or the failure), in ms. */
  durationMs: number;
}

/** Receives every exchange of a client; exceptions it throws are ignored (recording never breaks a call). */
export type TrafficHook = (exchange: PlatformExchange) => void;

/** A Headers object as a plain record with lower-case names. */
export function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}
