import type { IncomingMessage } from 'node:http';

/** Name of the browser-session cookie of the host on `port` (the port is part of it: cookies are not isolated by port). */
export function sessionCookieName(port: number): string {
  return `kiosk_session_${port}`;
}

/**
 * The `Set-Cookie` value for a browser session: HttpOnly (no script reads
 * it), SameSite=Strict (no other site's page sends it), Path=/, no
 * expiry (it ends with the browser).
 */
export function sessionCookie(name: string, secret: string): string {
  return `${name}=${secret}; HttpOnly; SameSite=Strict; Path=/`;
}

/** The value of cookie `name` in the request's `Cookie` header, or null. */
export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}
