import type { IncomingMessage, ServerResponse } from 'node:http';

/** An extra JSON endpoint of the host (simulator controls in demo and e2e mode). */
export interface WebRoute {
  method: 'GET' | 'POST';
  /** Exact path, e.g. `/sim/idcard/place`. */
  path: string;
  /** Receives the parsed JSON body (`undefined` for GET or an empty body); its value is sent back as JSON. */
  handler: (body: unknown) => Promise<unknown>;
}

/** Thrown by a route handler to answer with `status` and `{error: message}` (e.g. 409 for a refused control). */
export class RouteError extends Error {
  constructor(
    /** HTTP status, 400–499. */
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'RouteError';
  }
}

/** Largest JSON request body a route accepts, in bytes. */
export const ROUTE_MAX_BODY_BYTES = 256 * 1024;

/**
 * Serves one route request. Answers 401 unless `authorised` (the host
 * checked the session cookie or the harness token). Replies 200 with the handler's value as JSON,
 * 400 for an unreadable or non-JSON body, 413 for a body over
 * {@link ROUTE_MAX_BODY_BYTES}, a {@link RouteError}'s status with `{error}`,
 * 400 for a body the handler's schema refuses (a `ZodError`), 500 with
 * `{error}` when the handler throws anything else.
 */
export async function serveRoute(route: WebRoute, authorised: boolean, req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): Promise<void> {
  const send = (status: number, value: unknown): void => {
    res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(value ?? null));
  };
  if (!authorised) return send(401, { error: 'not authorised: no kiosk session' });
  let body: unknown;
  if (route.method === 'POST') {
    const raw = await readBody(req);
    if (raw === 'too-large') return send(413, { error: `body over ${ROUTE_MAX_BODY_BYTES} bytes` });
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return send(400, { error: 'body is not JSON' });
      }
    }
  }
  try {
    send(200, await route.handler(body));
  } catch (e) {
    if (e instanceof RouteError) return send(e.status, { error: e.message });
    if (e instanceof Error && e.name === 'ZodError') return send(400, { error: e.message });
    send(500, { error: e instanceof Error ? e.message : String(e) });
  }
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > ROUTE_MAX_BODY_BYTES) {
        done = true;
        resolvePromise('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolvePromise(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}
