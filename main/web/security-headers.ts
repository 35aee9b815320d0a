/**
 * Headers sent with every HTTP response of the host (CSP included only for HTML).
 *
 * Deliberately without `Cross-Origin-Opener-Policy`: `same-origin` made
 * Chromium move every load of the page out of the tab's first document into
 * a new browsing-context group and renderer process, which cost about 34 ms
 * of each cold start (median of 15 fresh contexts, 184 → 150 ms, see
 * docs/benchmarks.md), and it protects against an opener that this
 * deployment does not have: browser mode runs the page alone in a dedicated
 * Chromium profile in `--app --kiosk` mode (`main/dev/start-browser.ts`), and the
 * packaged Electron renderer (`kiosk://app`, main/electron/app-protocol.ts)
 * never sent it. `Cross-Origin-Resource-Policy` still keeps other origins
 * from embedding the host's responses.
 */
export function baseHeaders(): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
