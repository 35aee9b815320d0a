/** Custom scheme the renderer is served from (registered as standard + secure). */
export const APP_SCHEME = 'kiosk';

/** Host part of every app URL: the renderer lives at `kiosk://app/`. */
export const APP_HOST = 'app';

/** The app's own origin as Chromium reports it, e.g. to permission handlers. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Entry page of the renderer. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` belongs to the app's own origin (`kiosk://app/…`). Parses
 * rather than comparing prefixes (`kiosk://app.evil/` is not ours). Node's
 * `URL.origin` is `"null"` for custom schemes, so scheme and host are compared
 * separately. Returns false for anything unparsable, including undefined.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}
