import { describe, expect, it } from 'vitest';
import { PrintDocuments } from './print-documents';

const req = (url: string, method = 'GET') => ({ url, method });
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');

describe('PrintDocuments (kiosk://app/print/<id>.pdf)', () => {
  it('serves a registered PDF under an unguessable URL until it is released', async () => {
    const docs = new PrintDocuments();
    const lease = docs.add(PDF);
    expect(lease.url).toMatch(/^kiosk:\/\/app\/print\/[0-9a-f]{32}\.pdf$/);
    const ok = docs.handle(req(lease.url));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/pdf');
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await ok.arrayBuffer())).toEqual(PDF);
    const head = docs.handle(req(lease.url, 'HEAD'));
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(PDF.length));
    expect(docs.size).toBe(1);
    lease.release();
    lease.release();
    expect(docs.size).toBe(0);
    expect(docs.handle(req(lease.url)).status).toBe(404);
  });

  it('gives every job its own id and keeps a copy of the bytes', async () => {
    const docs = new PrintDocuments();
    const bytes = Uint8Array.from(PDF);
    const a = docs.add(bytes);
    const b = docs.add(bytes);
    expect(a.url).not.toBe(b.url);
    bytes.fill(0);
    expect(new Uint8Array(await docs.handle(req(a.url)).arrayBuffer())).toEqual(PDF);
    a.release();
    expect(docs.handle(req(a.url)).status).toBe(404);
    expect(docs.handle(req(b.url)).status).toBe(200);
  });

  it('refuses other methods, hosts, paths, queries and look-alike URLs', () => {
    const docs = new PrintDocuments();
    const { url } = docs.add(PDF);
    const id = /print\/([0-9a-f]+)\.pdf/.exec(url)![1]!;
    expect(docs.handle(req(url, 'POST')).status).toBe(405);
    for (const bad of [
      `kiosk://app.evil/print/${id}.pdf`,
      `kiosk://evil/print/${id}.pdf`,
      `kiosk://user@app/print/${id}.pdf`,
      `http://app/print/${id}.pdf`,
      `${url}?x=1`,
      `kiosk://app/print/${id}`,
      `kiosk://app/print/${id}.PDF`,
      `kiosk://app/print/../print/${id.slice(1)}.pdf`,
      `kiosk://app/other/${id}.pdf`,
      'kiosk://app/index.html',
      'not a url',
    ]) {
      expect(docs.handle(req(bad)).status, bad).toBe(404);
    }
  });
});
