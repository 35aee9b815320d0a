import type { z } from 'zod';
import { callSignal, readLimited, withDeadline } from './call-limits';
import { PlatformHttpError, PlatformProtocolError, PlatformUnreachableError } from './platform-errors';
import { headerRecord, type PlatformExchange, type TrafficHook } from './traffic';
import { ErrorBodySchema } from '../protocol/protocol-schemas';
import { isTrustRefusalCode, PlatformTrustRefusedError } from './trust-errors';

/** Default per-request timeout: 15 s. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** Largest JSON response body accepted (bytes): 64 MiB (the full catalogue is a few MiB). */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** A validated platform answer with the clock readings around it. */
export interface PlatformReply<T> {
  body: T;
  /** From `X-Platform-Time` (falls back to the body's `serverTime`), or null when absent/invalid. */
  platformTime: Date | null;
  /** Kiosk clock (ms since epoch) when the request was sent and when the answer arrived. */
  sentAt: number;
  receivedAt: number;
}

/** A non-JSON answer (a certificate PDF): its bytes and `Content-Type`. */
export interface BinaryBody {
  contentType: string;
  bytes: Uint8Array;
}

/** Options of the one platform client (see `createPlatformClient`), shared by every call. */
export interface PlatformTransportOptions {
  /** e.g. `http://127.0.0.1:8787` (no trailing path). */
  baseUrl: string;
  /** Sent as `X-Kiosk-Device` on every request. */
  deviceId: string;
  /** Per-request timeout in ms, covering connect, send and the whole body, for calls that do not set their own. Default 15 000. */
  timeoutMs?: number;
  /**
   * Request signing (the trust issue fills it): receives every request after
   * its headers and body are set and may replace it (e.g. add
   * `X-Kiosk-Signature`). Default: identity. An exception it throws passes
   * through the call unchanged.
   */
  signRequest?: (request: Request) => Request | Promise<Request>;
  /**
   * Checks every 2xx answer before it is parsed (the trust issue: the platform's
   * reply signature, see `createReplyVerifier`); what it throws fails the call.
   * Default: none.
   */
  verifyReply?: (reply: { request: Request; status: number; headers: Headers; bytes: Buffer }) => void;
  /**
   * Told how every call ended: null when it succeeded, else the error it
   * throws (after `verifyReply`). The link's trust state listens here
   * (`createLinkTrust`). What it throws is ignored. Default none.
   */
  onSettled?: (error: unknown) => void;
  /** fetch implementation. Default: global fetch. */
  fetch?: typeof fetch;
  /** Kiosk clock in ms. Default `Date.now`. */
  now?: () => number;
  /** Receives every exchange (test and development harnesses only: bodies may hold personal data). Default none. */
  traffic?: TrafficHook;
}

/** One call: method, path (no query), query, JSON body, cancel signal and an optional timeout of its own. */
export interface CallSpec {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  /** JSON request body; absent for none. */
  body?: unknown;
  /** Aborts the call early (reported as {@link PlatformUnreachableError}). */
  signal?: AbortSignal | undefined;
  /** This call's timeout in ms. Default: the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
  /** Largest accepted answer of a JSON call, in bytes (over it: {@link PlatformProtocolError}). Default {@link MAX_RESPONSE_BYTES}. */
  maxBytes?: number | undefined;
  /** Sent as `If-None-Match` (a conditional call, see {@link PlatformTransport.conditional}). Default none. */
  ifNoneMatch?: string | undefined;
}

/** A conditional call's answer: `notModified` (304, no body) or the validated body with the answer's `ETag` (null when none). */
export type ConditionalReply<T> =
  | { notModified: true; platformTime: Date | null; sentAt: number; receivedAt: number }
  | (PlatformReply<T> & { notModified: false; etag: string | null });

/** The HTTP side of the client: every platform call goes through these two functions. */
export interface PlatformTransport {
  readonly baseUrl: string;
  readonly deviceId: string;
  /** A JSON call whose 2xx answer must match `schema`. */
  json<S extends z.ZodType>(spec: CallSpec & { schema: S }): Promise<PlatformReply<z.infer<S>>>;
  /**
   * A JSON call sent with `If-None-Match: ifNoneMatch` (when given): a 304
   * answer is `notModified` (no body; its reply signature is checked like a
   * 2xx answer's, nothing is applied), a 2xx answer is validated as by
   * {@link json} and returned with its `ETag`.
   */
  conditional<S extends z.ZodType>(spec: CallSpec & { schema: S }): Promise<ConditionalReply<z.infer<S>>>;
  /** A call whose 2xx answer is kept as bytes, at most `maxBytes`, sent with `Accept: accept`. */
  binary(spec: CallSpec & { accept: string; maxBytes: number }): Promise<PlatformReply<BinaryBody>>;
}

interface Raw {
  response: Response;
  bytes: Buffer;
  sentAt: number;
  receivedAt: number;
}

/**
 * Creates the transport. Every call throws {@link PlatformUnreachableError}
 * (network, timeout, cancel, invalid URL), {@link PlatformHttpError} (non-2xx,
 * with the platform's error code when its body says one) or
 * {@link PlatformProtocolError} (invalid answer, body over its cap); a
 * trust refusal (401/403 with a code of `TRUST_REFUSAL_CODES`) is the
 * subclass {@link PlatformTrustRefusedError}. Only an exception from
 * `signRequest` or `verifyReply` passes through as is.
 */
export function createPlatformTransport(options: PlatformTransportOptions): PlatformTransport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const defaultTimeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const sign = options.signRequest ?? ((r: Request) => r);

  async function call<T>(spec: CallSpec, accept: string, maxBytes: number, interpret: (raw: Raw, json: unknown) => T): Promise<T> {
    const expectsJson = accept === 'application/json';
    const timeoutMs = spec.timeoutMs ?? defaultTimeoutMs;
    const what = `${spec.method} ${spec.path}`;
    const headers: Record<string, string> = { 'X-Kiosk-Device': options.deviceId, Accept: accept };
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    if (spec.ifNoneMatch !== undefined) headers['If-None-Match'] = spec.ifNoneMatch;
    const query = spec.query ?? {};
    const search = new URLSearchParams(query).toString();
    const { signal, release } = callSignal(timeoutMs, spec.signal);
    let request: Request;
    try {
      request = new Request(baseUrl + spec.path + (search ? `?${search}` : ''), {
        method: spec.method,
        headers,
        signal,
        ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
      });
    } catch {
      release();
      throw new PlatformUnreachableError(`${what}: invalid platform URL`);
    }
    let raw: Raw | null = null;
    let json: unknown;
    let sentAt = now();
    try {
      request = await sign(request);
      // The clock reading's midpoint is taken around the exchange itself, not the signing.
      sentAt = now();
      raw = await exchange(request, signal, timeoutMs, maxBytes, what, sentAt);
      // A 304 is verified too: a forged "not modified" must not keep the kiosk on an old catalogue or configuration.
      if (options.verifyReply && (raw.response.ok || raw.response.status === 304)) options.verifyReply({ request, status: raw.response.status, headers: raw.response.headers, bytes: raw.bytes });
      json = parseJson(raw, expectsJson);
      const result = interpret(raw, json);
      record(spec, query, request, raw, json, null, sentAt);
      settled(null);
      return result;
    } catch (e) {
      record(spec, query, request, raw, json, e, sentAt);
      settled(e);
      throw e;
    } finally {
      release();
    }
  }

  async function exchange(request: Request, signal: AbortSignal, timeoutMs: number, maxBytes: number, what: string, sentAt: number): Promise<Raw> {
    try {
      // The abort signal should end a stalled body read too; the deadline makes sure of it, so a
      // half-open connection can never leave a sync pass waiting for ever.
      const [response, bytes] = await withDeadline(
        (async () => {
          const r = await doFetch(request, { signal });
          return [r, await readLimited(r, maxBytes, signal)] as const;
        })(),
        timeoutMs + 250,
      );
      return { response, bytes, sentAt, receivedAt: now() };
    } catch (e) {
      if (e instanceof PlatformProtocolError) throw new PlatformProtocolError(`${what}: ${e.message}`);
      const reason = (e as Error)?.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : ((e as Error)?.message ?? String(e));
      throw new PlatformUnreachableError(`${what}: ${reason}`);
    }
  }

  /**
   * The body as JSON, or undefined when it is empty or not JSON. A JSON call
   * reads any body as JSON whatever its `Content-Type` says (a proxy's HTML
   * page then fails as "not JSON"); a binary call only its error bodies and
   * bodies labelled JSON.
   */
  function parseJson(raw: Raw, expectsJson: boolean): unknown {
    const type = raw.response.headers.get('content-type') ?? '';
    if (raw.bytes.length === 0 || (!expectsJson && raw.response.ok && !/json/i.test(type))) return undefined;
    try {
      return JSON.parse(raw.bytes.toString('utf8')) as unknown;
    } catch {
      return undefined;
    }
  }

  function httpError(raw: Raw, json: unknown, what: string): PlatformHttpError {
    const status = raw.response.status;
    const err = ErrorBodySchema.safeParse(json);
    const code = err.success ? err.data.error : null;
    // Without an error body the status alone says it: never "HTTP 404 HTTP 404".
    const detail = err.success ? ` ${(err.data.message ?? err.data.error).slice(0, 200)}` : '';
    if ((status === 401 || status === 403) && isTrustRefusalCode(code)) return new PlatformTrustRefusedError(status, code, `${what}: HTTP ${status}${detail}`);
    return new PlatformHttpError(status, code, `${what}: HTTP ${status}${detail}`);
  }

  function settled(error: unknown): void {
    try {
      options.onSettled?.(error);
    } catch {
      // A listener's failure must never change what the call returns.
    }
  }

  function record(spec: CallSpec, query: Record<string, string>, request: Request, raw: Raw | null, json: unknown, error: unknown, sentAt: number): void {
    if (!options.traffic) return;
    const exchange: PlatformExchange = {
      at: new Date(sentAt).toISOString(),
      method: spec.method,
      path: spec.path,
      query: { ...query },
      request: { headers: headerRecord(request.headers), ...(spec.body === undefined ? {} : { body: spec.body }) },
      response: raw ? { status: raw.response.status, headers: headerRecord(raw.response.headers), size: raw.bytes.length, ...(json === undefined ? {} : { body: json }) } : null,
      error: error ? { name: (error as Error).name ?? 'Error', message: String((error as Error).message ?? error) } : null,
      durationMs: (raw?.receivedAt ?? now()) - sentAt,
    };
    try {
      options.traffic(exchange);
    } catch {
      // A recorder's failure must never change what the call returns.
    }
  }

  function interpretJson<S extends z.ZodType>(spec: CallSpec & { schema: S }, raw: Raw, json: unknown): PlatformReply<z.infer<S>> {
    const what = `${spec.method} ${spec.path}`;
    if (!raw.response.ok) throw httpError(raw, json, what);
    if (json === undefined) throw new PlatformProtocolError(`${what}: response is not JSON`);
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new PlatformProtocolError(`${what}: invalid response (${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'schema'})`);
    }
    const bodyTime = parseTime((parsed.data as { serverTime?: unknown } | null)?.serverTime);
    return { body: parsed.data, platformTime: parseTime(raw.response.headers.get('x-platform-time')) ?? bodyTime, sentAt: raw.sentAt, receivedAt: raw.receivedAt };
  }

  return {
    baseUrl,
    deviceId: options.deviceId,
    json: (spec) => call(spec, 'application/json', spec.maxBytes ?? MAX_RESPONSE_BYTES, (raw, json) => interpretJson(spec, raw, json)),
    conditional: (spec) =>
      call(spec, 'application/json', spec.maxBytes ?? MAX_RESPONSE_BYTES, (raw, json) => {
        if (raw.response.status === 304) return { notModified: true as const, platformTime: parseTime(raw.response.headers.get('x-platform-time')), sentAt: raw.sentAt, receivedAt: raw.receivedAt };
        return { ...interpretJson(spec, raw, json), notModified: false as const, etag: raw.response.headers.get('etag') };
      }),
    binary: (spec) =>
      call(spec, spec.accept, spec.maxBytes, (raw, json) => {
        if (!raw.response.ok) throw httpError(raw, json, `${spec.method} ${spec.path}`);
        const body: BinaryBody = { contentType: raw.response.headers.get('content-type') ?? '', bytes: new Uint8Array(raw.bytes) };
        return { body, platformTime: parseTime(raw.response.headers.get('x-platform-time')), sentAt: raw.sentAt, receivedAt: raw.receivedAt };
      }),
  };
}

function parseTime(v: unknown): Date | null {
  if (typeof v !== 'string') return null;
  const t = Date.parse(v);
  return Number.isFinite(t) ? new Date(t) : null;
}
