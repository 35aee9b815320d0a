/**
 * The one Content-Security-Policy of the renderer, sent by both hosts: the
 * Electron shell on every `kiosk://app/` response (main/electron/app-protocol.ts)
 * and the browser-mode web host on `index.html` (main/web/web-host.ts).
 *
 * Scripts, styles, fonts and images from the page's own origin only; no
 * `eval` of text, but `'wasm-unsafe-eval'` so that WebAssembly modules from
 * the own origin may be compiled (the face engine's TensorFlow.js WASM
 * backend, renderer/src/media/face-engine.ts: without it Chromium refuses
 * `WebAssembly.instantiate`); no plugins, no `<base>`, no form posts, no framing by anyone. `data:` for
 * inlined images and fonts, `blob:`/`mediastream:` for camera previews and
 * captured images. Network access (`connect-src`) is the own origin plus the
 * sources the host names: none in Electron (the renderer talks to main over
 * IPC), the host's own WebSocket origin in browser mode (named, so the
 * policy does not rest on how a browser reads `'self'` for `ws:`).
 */

/** Options of {@link contentSecurityPolicy}. */
export interface ContentSecurityPolicyOptions {
  /**
   * Extra `connect-src` sources besides `'self'`, e.g. `ws://127.0.0.1:41234`;
   * default none. Each must be a scheme + host (+ port) source without spaces
   * or `;`, else the function throws (a policy must never be widened by text
   * smuggled into a source).
   */
  connectSources?: readonly string[];
}

const SOURCE = /^[a-z][a-z0-9+.-]*:\/\/[A-Za-z0-9.[\]:-]+$/;

/** The renderer's CSP header value; pure, same input → same string. Throws on a malformed source. */
export function contentSecurityPolicy(options: ContentSecurityPolicyOptions = {}): string {
  const extra = options.connectSources ?? [];
  for (const s of extra) if (!SOURCE.test(s)) throw new Error(`not a CSP host source: ${JSON.stringify(s).slice(0, 80)}`);
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob: mediastream:",
    ["connect-src 'self'", ...extra].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The WebSocket origin of an `http:`/`https:` page origin (`http://h:p` → `ws://h:p`). */
export function socketOriginOf(pageOrigin: string): string {
  return pageOrigin.replace(/^http/, 'ws');
}
