import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ContractConnection } from '../../common/contract/connections';
import type { HostDispatcher } from '../../common/contract/dispatcher';
import type { HostEventSource } from '../../common/contract/event-hub';
import type { KioskContract } from '../../common/contract/kiosk-contract';
import { WIRE_MAX_MESSAGE_BYTES } from '../../common/contract/wire';
import { contentSecurityPolicy, socketOriginOf } from '../../common/security/content-security-policy';
import { serveRoute, type WebRoute } from './json-routes';
import { KIOSK_LAUNCH_CODE_PARAM, KIOSK_LAUNCH_PATH, LaunchCodes } from './launch-codes';
import { KIOSK_API_PATH, KIOSK_TOKEN_PROTOCOL_PREFIX, KIOSK_WS_PROTOCOL } from './protocol';
import { baseHeaders } from './security-headers';
import { readCookie, sessionCookie, sessionCookieName } from './session-cookie';
import { readStaticFile } from './static-files';
import { createToken, tokenMatches } from './token';
import { CloseCode, send, serveSocket } from './ws-session';

export type { WebRoute } from './json-routes';

/** Options of {@link startWebHost}. */
export interface WebHostOptions {
  /** Validates and dispatches every call (the core's dispatcher). */
  dispatcher: HostDispatcher<KioskContract>;
  /** Events raised by the core; each is checked with `dispatcher.checkEvent` for each socket's connection before it is pushed. */
  events: HostEventSource<KioskContract>;
  /** Directory of the built renderer (`index.html` + assets), or null to serve no pages (API only). */
  staticDir: string | null;
  /** TCP port; default 0 (the OS picks a free one; read it from `url`). */
  port?: number;
  /** Interface to bind; only loopback is allowed. Default `127.0.0.1`. */
  host?: '127.0.0.1';
  /** Extra JSON endpoints, each requiring the browser-session cookie (or the harness token). Default none. */
  routes?: WebRoute[];
  /**
   * Test and development harnesses only: also accept a per-launch harness
   * token ({@link HarnessWebHost.token}) in header `X-Kiosk-Token` (routes)
   * and subprotocol `kiosk-token.<token>` (WebSocket), for callers in Node
   * that have no browser cookie. Off by default; the launch of browser mode
   * enables it only when asked explicitly (`KIOSK_HARNESS=1`).
   */
  harness?: boolean;
  /** Life of an unused launch code, in ms; default `LAUNCH_CODE_TTL_MS` (2 minutes). */
  launchCodeTtlMs?: number;
  /**
   * Called with the connection opened for each accepted WebSocket, before its
   * first message is read. The way to grant a role
   * (`dispatcher.connections.grant(connection.id, role)`); closed with the socket.
   */
  onConnection?: (connection: ContractConnection) => void;
}

/** A running host. */
export interface WebHost {
  /** Page URL, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** The host's own origin, e.g. `http://127.0.0.1:41234`; the only Origin the WebSocket accepts. */
  origin: string;
  /**
   * Issues a one-time launch code and returns the URL to open the kiosk with,
   * `<origin>/kiosk-launch?code=<code>`: its first GET sets the HttpOnly,
   * SameSite=Strict session cookie and redirects to `/`; the same URL again,
   * or after `launchCodeTtlMs`, is refused (403). The only way the page gets
   * a credential; give it only to the process that launches the browser.
   */
  launchUrl(): string;
  /** Closes every socket (code 1001) and the server; resolves when the port is released. Idempotent. */
  close(): Promise<void>;
}

/** A host started with `harness: true`. */
export interface HarnessWebHost extends WebHost {
  /** Harness token (32 random bytes, base64url) for `X-Kiosk-Token` and the `kiosk-token.` subprotocol. Never sent to the page. */
  token: string;
}

/**
 * Starts the loopback host that carries the KioskApi contract to a browser:
 * serves the built renderer (strict CSP, SPA fallback, no directory
 * traversal; the pages hold no credential), the launch endpoint
 * {@link KIOSK_LAUNCH_PATH}, the WebSocket endpoint {@link KIOSK_API_PATH},
 * and the optional JSON `routes`.
 *
 * Security: requests whose `Host` is not the host's own `127.0.0.1:port` are
 * refused (421, guards against DNS rebinding). The browser gets its
 * credential only by opening {@link WebHost.launchUrl} once: an HttpOnly,
 * SameSite=Strict cookie `kiosk_session_<port>` that no script and no
 * response body ever shows. The WebSocket upgrade is refused with 403 unless
 * `Origin` equals {@link WebHost.origin}, the client offers subprotocol
 * `kiosk.v1`, and it carries that cookie (or, with `harness`, offers
 * `kiosk-token.<token>`); every route answers 401 without one of them
 * (constant-time compares). Messages over `WIRE_MAX_MESSAGE_BYTES` close
 * the socket with 1009.
 *
 * Roles: each accepted socket gets its own connection
 * (`dispatcher.connections.open('websocket')`, citizen only), used for every
 * call on it and for every event pushed to it (events of services it may not
 * use are not pushed); it is closed when the socket closes, so a reload
 * starts without any granted role.
 *
 * Rejects when the port cannot be bound.
 */
export async function startWebHost(options: WebHostOptions & { harness: true }): Promise<HarnessWebHost>;
export async function startWebHost(options: WebHostOptions): Promise<WebHost>;
export async function startWebHost(options: WebHostOptions): Promise<WebHost | HarnessWebHost> {
  const { dispatcher, events, staticDir, port = 0, host = '127.0.0.1', routes = [], onConnection } = options;
  if (host !== '127.0.0.1') throw new Error('the web host binds loopback only');
  const harnessToken = options.harness === true ? createToken() : null;
  const launchCodes = new LaunchCodes(options.launchCodeTtlMs);
  let origin = '';
  let hostHeader = '';
  let cookieName = '';

  /** True when the request carries a browser-session cookie, or the harness token where `harnessValue` was read from. */
  function authorised(req: IncomingMessage, harnessValue: unknown): boolean {
    if (launchCodes.isSession(readCookie(req, cookieName))) return true;
    return harnessToken !== null && tokenMatches(harnessToken, harnessValue);
  }

  const server = createServer((req, res) => {
    void handleHttp(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, baseHeaders());
      res.end();
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = baseHeaders();
    if (req.headers.host !== hostHeader) {
      res.writeHead(421, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('misdirected request');
      return;
    }
    const path = pathOf(req.url);
    if (path === KIOSK_LAUNCH_PATH) return serveLaunch(req, res, headers);
    const route = routes.find((r) => r.path === path && r.method === req.method);
    if (route) return serveRoute(route, authorised(req, req.headers['x-kiosk-token']), req, res, headers);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const file = staticDir === null ? 'not-found' : await readStaticFile(staticDir, path);
    if (file === 'forbidden' || file === 'not-found') {
      res.writeHead(file === 'forbidden' ? 403 : 404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(file);
      return;
    }
    const body = file.body;
    res.writeHead(200, {
      ...headers,
      'Content-Type': file.contentType,
      'Content-Length': String(body.length),
      ...(file.isIndex ? { 'Content-Security-Policy': contentSecurityPolicy({ connectSources: [socketOriginOf(origin)] }) } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** Exchanges a launch code (once) for the session cookie and sends the browser to `/`; anything else is 403 without a cookie. */
  function serveLaunch(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): void {
    const code = new URL(req.url ?? '/', origin).searchParams.get(KIOSK_LAUNCH_CODE_PARAM);
    const session = req.method === 'GET' ? launchCodes.redeem(code) : null;
    if (!session) {
      res.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('launch code refused');
      return;
    }
    res.writeHead(303, { ...headers, Location: '/', 'Set-Cookie': sessionCookie(cookieName, session), 'Content-Length': '0' });
    res.end();
  }

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: WIRE_MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(KIOSK_WS_PROTOCOL) ? KIOSK_WS_PROTOCOL : false),
  });
  const clients = new Map<WebSocket, ContractConnection>();

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = checkUpgrade(req);
    if (refusal) {
      socket.on('error', () => undefined);
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = dispatcher.connections.open('websocket');
      clients.set(ws, connection);
      ws.on('close', () => {
        clients.delete(ws);
        dispatcher.connections.close(connection.id);
      });
      ws.on('error', () => ws.terminate());
      onConnection?.(connection);
      serveSocket(ws, dispatcher, connection);
    });
  });

  /** Returns an HTTP status line when the upgrade must be refused, else null. */
  function checkUpgrade(req: IncomingMessage): string | null {
    if (pathOf(req.url) !== KIOSK_API_PATH) return '404 Not Found';
    if (req.headers.host !== hostHeader) return '421 Misdirected Request';
    if (req.headers.origin !== origin) return '403 Forbidden';
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim());
    if (!offered.includes(KIOSK_WS_PROTOCOL)) return '403 Forbidden';
    const presented = offered.find((p) => p.startsWith(KIOSK_TOKEN_PROTOCOL_PREFIX))?.slice(KIOSK_TOKEN_PROTOCOL_PREFIX.length);
    return authorised(req, presented) ? null : '403 Forbidden';
  }

  const unsubscribe = events.subscribe((channel, payload) => {
    for (const [ws, connection] of clients) {
      const checked = dispatcher.checkEvent(channel, payload, connection);
      if (checked.ok) send(ws, { type: 'event', channel, payload: checked.payload });
    }
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  hostHeader = `${host}:${bound}`;
  origin = `http://${hostHeader}`;
  cookieName = sessionCookieName(bound);

  let closing: Promise<void> | null = null;
  const running: WebHost = {
    url: `${origin}/`,
    origin,
    launchUrl: () => `${origin}${KIOSK_LAUNCH_PATH}?${KIOSK_LAUNCH_CODE_PARAM}=${launchCodes.issue()}`,
    close() {
      closing ??= new Promise<void>((resolveClose) => {
        unsubscribe();
        for (const [ws, connection] of clients) {
          dispatcher.connections.close(connection.id);
          ws.close(CloseCode.goingAway, 'host closing');
        }
        wss.close();
        server.close(() => resolveClose());
        server.closeAllConnections();
        for (const ws of clients.keys()) ws.terminate();
      });
      return closing;
    },
  };
  return harnessToken === null ? running : { ...running, token: harnessToken };
}

function pathOf(url: string | undefined): string {
  const raw = url ?? '/';
  const q = raw.search(/[?#]/);
  return q === -1 ? raw : raw.slice(0, q);
}
