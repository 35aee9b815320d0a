import { randomBytes } from 'node:crypto';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** A document registered for one print job. */
export interface PrintDocumentLease {
  /** `kiosk://app/print/<32 hex>.pdf`: answers only while the lease is held. */
  readonly url: string;
  /** Withdraws the document: its URL answers 404 from now on. Idempotent. */
  release(): void;
}

const PATH = /^\/print\/([0-9a-f]{32})\.pdf$/;

/**
 * The PDFs being printed, each reachable under its own unguessable
 * `kiosk://app/print/<id>.pdf` URL only for the duration of its job. Served
 * by {@link PrintDocuments.handle}, which the A4 print host installs as the
 * `kiosk:` handler of its own in-memory print session only: the kiosk
 * window's session never serves these URLs, and the print session serves
 * nothing else (no renderer files). Bytes stay in memory; nothing is written
 * to disk.
 */
export class PrintDocuments {
  private readonly documents = new Map<string, Uint8Array>();

  /** Registers a copy of `pdf` and returns its URL and the release. */
  add(pdf: Uint8Array): PrintDocumentLease {
    const id = randomBytes(16).toString('hex');
    this.documents.set(id, Uint8Array.from(pdf));
    return {
      url: `${APP_SCHEME}://${APP_HOST}/print/${id}.pdf`,
      release: () => void this.documents.delete(id),
    };
  }

  /** Number of documents currently served (for tests and diagnostics). */
  get size(): number {
    return this.documents.size;
  }

  /**
   * The protocol handler: GET/HEAD of a registered document's exact URL →
   * 200 `application/pdf`, `no-store`, `nosniff`; any other method 405;
   * anything else (other host or path, released or unknown id, query
   * strings) 404. No CSP header on purpose: a CSP such as the app's
   * `object-src 'none'` would keep Chromium's PDF viewer from rendering it.
   */
  handle(request: Pick<Request, 'url' | 'method'>): Response {
    const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response('not found', { status: 404, headers });
    }
    const id = url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.search && !url.username ? PATH.exec(url.pathname)?.[1] : undefined;
    const pdf = id ? this.documents.get(id) : undefined;
    if (!pdf) return new Response('not found', { status: 404, headers });
    return new Response(request.method === 'HEAD' ? null : Uint8Array.from(pdf), {
      status: 200,
      headers: { ...headers, 'Content-Type': 'application/pdf', 'Content-Length': String(pdf.length) },
    });
  }
}
