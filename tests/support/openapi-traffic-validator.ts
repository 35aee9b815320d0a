import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Document, type Operation } from 'openapi-backend';
import type { PlatformExchange } from '../../uplink/index';

/**
 * Checks recorded platform traffic (the one client's `traffic` hook, see
 * tests/support/uplink-traffic-recorder.ts) against docs/openapi.yaml.
 *
 * Why openapi-backend: it is the maintained, framework-agnostic OpenAPI
 * validator on npm that takes a request and a response as plain data (not
 * an Express app), matches the spec's path templates, parses and coerces
 * path, query and header parameters by their declared style, and picks the
 * response schema by status code (`404`, `4XX`, `default`). It is pinned to
 * 5.20.1, the last release that runs on Node 20 (5.21 needs a ref-parser for
 * Node 22). Its own Ajv is draft-07 for every document, so `customizeAjv`
 * swaps in Ajv's JSON Schema 2020-12 class, the dialect of OpenAPI 3.1, with
 * ajv-formats for `date-time` and `uuid`. What it leaves to its caller is
 * checked here: that a response's status and media type are declared, that
 * a request body is declared at all, and headers marked `required`.
 */

/** One finding: which exchange, which part of it, what is wrong. */
export interface TrafficProblem {
  /** `POST /api/v1/payments`, plus `file:line` when read from a recording. */
  exchange: string;
  part: 'route' | 'request' | 'response';
  message: string;
}

/** An exchange read back from a recording, with where it came from. */
export interface RecordedExchange {
  file: string;
  line: number;
  exchange: PlatformExchange;
}

/** Checks exchanges against one OpenAPI document. */
export interface OpenApiTrafficValidator {
  /** Every problem of one exchange; empty when it matches the document. */
  check(exchange: PlatformExchange): Omit<TrafficProblem, 'exchange'>[];
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The repository's protocol description. */
export const OPENAPI_PATH = join(root, 'docs', 'openapi.yaml');

/** docs/openapi.yaml is JSON-compatible YAML after its leading `#` comment lines. */
export function loadOpenApiDocument(path = OPENAPI_PATH): Document {
  return JSON.parse(readFileSync(path, 'utf8').replace(/^(#[^\n]*\n)+/, '')) as Document;
}

type Responses = Record<string, { content?: Record<string, unknown>; headers?: Record<string, { required?: boolean }> }>;

/** Creates a validator for `document` (default: docs/openapi.yaml). Throws when the document is not OpenAPI 3.1. */
export function createOpenApiTrafficValidator(document: Document = loadOpenApiDocument()): OpenApiTrafficValidator {
  if (!/^3\.1\./.test(document.openapi)) throw new Error(`expected an OpenAPI 3.1 document, got ${document.openapi}`);
  const api = new OpenAPIBackend({
    definition: document,
    // quick: dereference synchronously and compile validators on first use; strict: a broken $ref throws.
    quick: true,
    strict: true,
    customizeAjv: (original, options) => {
      const ajv = new Ajv2020({ ...options, strict: false, allErrors: true });
      addFormats(ajv);
      // Keep the OpenAPI formats openapi-backend registers (int32, int64, byte, ...) where ajv-formats has none.
      for (const [name, format] of Object.entries(original.formats)) if (format && !ajv.formats[name]) ajv.addFormat(name, format);
      return ajv;
    },
  });
  api.init();

  return {
    check(exchange) {
      const problems: Omit<TrafficProblem, 'exchange'>[] = [];
      const method = exchange.method.toLowerCase();
      const request = { method, path: exchange.path, headers: exchange.request.headers, query: exchange.query, body: exchange.request.body };
      const operation = api.router.matchOperation(request) as Operation | undefined;
      if (!operation) return [{ part: 'route', message: `no operation in the document for ${exchange.method} ${exchange.path}` }];
      if ((operation as { 'x-test-only'?: boolean })['x-test-only']) problems.push({ part: 'route', message: `${operation.operationId} is test-only; the kiosk must not call it` });
      problems.push(...checkRequest(api, operation, request, exchange));
      if (exchange.response) problems.push(...checkResponse(api, operation, exchange.response));
      return problems;
    },
  };
}

function checkRequest(api: OpenAPIBackend, operation: Operation, request: { method: string; path: string; headers: Record<string, string>; query: Record<string, string>; body: unknown }, exchange: PlatformExchange) {
  const problems: Omit<TrafficProblem, 'exchange'>[] = [];
  const declared = operation.requestBody as { content?: Record<string, unknown> } | undefined;
  const type = mediaType(exchange.request.headers['content-type']);
  if (exchange.request.body !== undefined && !declared) {
    problems.push({ part: 'request', message: `sends a body (${type ?? 'no content-type'}) but ${operation.operationId} declares no requestBody` });
  } else if (exchange.request.body !== undefined && type && !declared?.content?.[type]) {
    problems.push({ part: 'request', message: `content-type ${type} is not declared for ${operation.operationId}` });
  }
  const result = api.validateRequest(request, operation);
  for (const e of result.errors ?? []) problems.push({ part: 'request', message: `${e.instancePath || '(root)'} ${e.message ?? e.keyword}` });
  return problems;
}

function checkResponse(api: OpenAPIBackend, operation: Operation, response: NonNullable<PlatformExchange['response']>) {
  const problems: Omit<TrafficProblem, 'exchange'>[] = [];
  const responses = (operation.responses ?? {}) as Responses;
  const key = [String(response.status), `${String(response.status)[0]}XX`, 'default'].find((k) => responses[k]);
  if (!key) return [{ part: 'response' as const, message: `status ${response.status} is not documented for ${operation.operationId} (documented: ${Object.keys(responses).join(', ')})` }];
  const spec = responses[key]!;
  const type = mediaType(response.headers['content-type']);
  if (response.size > 0) {
    if (!type) problems.push({ part: 'response', message: `status ${response.status}: a body without content-type` });
    else if (!spec.content?.[type]) problems.push({ part: 'response', message: `status ${response.status}: content-type ${type} is not declared (declared: ${Object.keys(spec.content ?? {}).join(', ') || 'none'})` });
  } else if (spec.content && Object.keys(spec.content).length > 0) {
    problems.push({ part: 'response', message: `status ${response.status}: empty body, but the document declares ${Object.keys(spec.content).join(', ')}` });
  }
  if (type === 'application/json') {
    if (!('body' in response)) problems.push({ part: 'response', message: `status ${response.status}: labelled JSON but not JSON` });
    else for (const e of api.validateResponse(response.body, operation, response.status).errors ?? []) problems.push({ part: 'response', message: `status ${response.status} body ${e.instancePath || '(root)'} ${e.message ?? e.keyword}` });
  }
  for (const [name, header] of Object.entries(spec.headers ?? {})) {
    if (header.required && response.headers[name.toLowerCase()] === undefined) problems.push({ part: 'response', message: `status ${response.status}: required header ${name} is missing` });
  }
  for (const e of api.validateResponseHeaders(response.headers, operation, { statusCode: response.status }).errors ?? []) {
    problems.push({ part: 'response', message: `status ${response.status} header ${e.instancePath.replace(/^\/headers\//, '') || '(root)'} ${e.message ?? e.keyword}` });
  }
  return problems;
}

/** `application/json; charset=utf-8` → `application/json`; undefined when absent. */
function mediaType(header: string | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

/**
 * Reads every `*.jsonl` recording in `dir`, one exchange per line. Throws
 * when the directory is missing, holds no recording, or a line is not an
 * exchange: an empty recording must never pass as "nothing wrong".
 */
export function readRecordedTraffic(dir: string): RecordedExchange[] {
  if (!existsSync(dir)) throw new Error(`no recorded platform traffic: ${dir} does not exist (run the end-to-end tests first)`);
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  const out: RecordedExchange[] = [];
  for (const file of files) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((text, i) => {
      if (text.trim() === '') return;
      const exchange = JSON.parse(text) as PlatformExchange;
      if (typeof exchange?.method !== 'string' || typeof exchange.path !== 'string' || typeof exchange.request !== 'object') throw new Error(`${file}:${i + 1} is not a recorded exchange`);
      out.push({ file, line: i + 1, exchange });
    });
  }
  if (out.length === 0) throw new Error(`no recorded platform traffic in ${dir} (${files.length} file(s), no exchange)`);
  return out;
}

/** Checks every recorded exchange; returns all problems, each naming its file and line. */
export function checkRecordedTraffic(validator: OpenApiTrafficValidator, recorded: readonly RecordedExchange[]): TrafficProblem[] {
  return recorded.flatMap(({ file, line, exchange }) =>
    validator.check(exchange).map((p) => ({ ...p, exchange: `${exchange.method} ${exchange.path} (${file}:${line})` })),
  );
}
