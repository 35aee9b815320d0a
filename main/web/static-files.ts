import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { contentTypeFor } from './content-types';

/** A file ready to send: body bytes and content type. */
export interface StaticFile {
  body: Buffer;
  contentType: string;
  /** True when this is the SPA entry (`index.html`), which gets the CSP. */
  isIndex: boolean;
}

/**
 * Resolves a URL path inside `root` and reads the file. Refuses (returns
 * `'forbidden'`) any path that is malformed, contains a NUL byte, or escapes
 * `root` after decoding and normalisation. A missing file without an extension
 * falls back to `index.html` (SPA routing); a missing file with an extension
 * is `'not-found'`. Never throws for request input; I/O errors other than
 * "missing" propagate.
 *
 * @param root absolute directory holding the built renderer
 * @param urlPath the request path, without query string, e.g. `/assets/app.js`
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | 'forbidden' | 'not-found'> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return 'forbidden';
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return 'forbidden';
  const base = resolve(root);
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const target = resolve(base, relative);
  if (target !== base && !target.startsWith(base + sep)) return 'forbidden';
  const file = await readIfFile(target);
  if (file) return { body: file, contentType: contentTypeFor(target), isIndex: target === resolve(base, 'index.html') };
  if (extname(target) !== '') return 'not-found';
  const index = await readIfFile(resolve(base, 'index.html'));
  return index ? { body: index, contentType: contentTypeFor('index.html'), isIndex: true } : 'not-found';
}

async function readIfFile(path: string): Promise<Buffer | null> {
  try {
    const s = await stat(path);
    if (!s.isFile()) return null;
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw e;
  }
}
