import { protocol } from 'electron';
import { contentSecurityPolicy } from '../../common/security/content-security-policy';
import { readStaticFile } from '../web/static-files';
import { APP_HOST, APP_SCHEME } from './app-origin';

/**
 * Content-Security-Policy of the Electron renderer: the one policy of
 * `common/security` with no extra network source (the renderer talks to main
 * over IPC only).
 */
export const APP_CSP = contentSecurityPolicy();

/**
 * Registers `kiosk:` as a privileged scheme (standard, secure, fetch API,
 * code cache). Must run before the app's `ready` event (Electron requirement).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/**
 * Builds the `kiosk://app/…` request handler over the built renderer in
 * `rendererDir`: GET/HEAD only (405 otherwise), host must be `app` (404
 * otherwise), traversal refused with 403 (decoded `..`, backslashes, NUL),
 * missing assets 404, unknown extensionless paths fall back to `index.html`.
 * Every response carries {@link APP_CSP} and `nosniff`. Never rejects for
 * request input; an unexpected I/O error becomes a 500.
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const headers = { 'Content-Security-Policy': APP_CSP, 'X-Content-Type-Options': 'nosniff' };
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response(null, { status: 400, headers });
    }
    if (url.host !== APP_HOST) return new Response('not found', { status: 404, headers });
    try {
      const file = await readStaticFile(rendererDir, url.pathname);
      if (file === 'forbidden') return new Response('forbidden', { status: 403, headers });
      if (file === 'not-found') return new Response('not found', { status: 404, headers });
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), { status: 200, headers: { ...headers, 'Content-Type': file.contentType } });
    } catch {
      return new Response('internal error', { status: 500, headers });
    }
  };
}

/** Serves the renderer at `kiosk://app/` (call after `ready`, before loading the window). */
export function setupAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
