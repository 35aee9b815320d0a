// Browser mode's credential as a local attacker meets it: a real web host
// (no harness token, as `npm run start:browser` starts it), real HTTP, real
// WebSockets, and a real child process standing in for Chromium, whose
// command line is read from /proc the way any local process can.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ContractDispatcher } from '../../common/contract/dispatcher';
import { EventHub } from '../../common/contract/event-hub';
import { kioskContract, type KioskContract } from '../../common/contract/kiosk-contract';
import { TestKioskImplementation } from '../../tests/contract/test-kiosk-implementation';
import { startWebHost, type WebHost } from './web-host';

let dir: string;
let host: WebHost;
const ROUTES = [
  { method: 'POST' as const, path: '/sim/idcard/insert' },
  { method: 'POST' as const, path: '/sim/sync-now' },
  { method: 'GET' as const, path: '/sim/printer/printed' },
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'launch-cookie-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>kiosk</title></head><body></body></html>');
  host = await startWebHost({
    dispatcher: new ContractDispatcher(kioskContract, new TestKioskImplementation()),
    events: new EventHub<KioskContract>(),
    staticDir: dir,
    routes: ROUTES.map((r) => ({ ...r, handler: async () => ({ ok: true }) })),
  });
});

afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One raw HTTP request to the host (no cookie jar, no redirects followed). */
function http(method: string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  const u = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

/** Opens the kiosk socket as the page would (right Origin, `kiosk.v1`), with extra headers/subprotocols; resolves the refusal status or 101. */
function upgrade(headers: Record<string, string> = {}, protocols: string[] = ['kiosk.v1']): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(host.url.replace('http', 'ws') + 'kiosk-api', protocols, { origin: host.origin, headers });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('error', () => undefined);
  });
}

/** Every API route and the socket, with the given headers: their statuses. */
async function everyRoute(headers: Record<string, string>): Promise<number[]> {
  const statuses = [await upgrade(headers)];
  for (const r of ROUTES) statuses.push((await http(r.method, r.path, headers)).status);
  return statuses;
}

/** The launch URL's path and query, as an HTTP request path. */
const pathOf = (url: string): string => url.slice(host.origin.length);

/** The `name=value` part of a Set-Cookie answer. */
function cookieOf(reply: Reply): string {
  const set = reply.headers['set-cookie'];
  const first = Array.isArray(set) ? set[0] : set;
  if (!first) throw new Error(`no Set-Cookie (status ${reply.status})`);
  return first.split(';')[0]!;
}

describe('browser-mode credential: a local process that knows only the port', () => {
  it('is refused on the socket and on every route, with nothing, a guessed token, or a guessed cookie', async () => {
    const port = new URL(host.url).port;
    expect(await everyRoute({})).toEqual([403, 401, 401, 401]);
    expect(await everyRoute({ 'X-Kiosk-Token': 'A'.repeat(43) })).toEqual([403, 401, 401, 401]);
    expect(await everyRoute({ Cookie: `kiosk_session_${port}=${'A'.repeat(43)}` })).toEqual([403, 401, 401, 401]);
    expect(await upgrade({}, ['kiosk.v1', `kiosk-token.${'A'.repeat(43)}`])).toBe(403);
  });

  it('gets a page without any credential, and no cookie from / or from the launch path without a valid code', async () => {
    for (const path of ['/', '/service/XK001', '/kiosk-launch', '/kiosk-launch?code=', `/kiosk-launch?code=${'A'.repeat(43)}`]) {
      const reply = await http('GET', path);
      expect(reply.headers['set-cookie'], path).toBeUndefined();
      expect(reply.body, path).not.toMatch(/token|code=|[A-Za-z0-9_-]{43}/);
    }
    expect((await http('GET', '/kiosk-launch')).status).toBe(403);
  });
});

describe('browser-mode credential: the launch code', () => {
  it('is exchanged once for an HttpOnly, SameSite=Strict, Path=/ cookie (no body) that opens the socket and the routes', async () => {
    const launch = await http('GET', pathOf(host.launchUrl()));
    expect(launch.status).toBe(303);
    expect(launch.headers.location).toBe('/');
    expect(launch.body).toBe('');
    const set = String(launch.headers['set-cookie']);
    expect(set).toMatch(/^kiosk_session_\d+=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    const cookie = cookieOf(launch);
    expect(await everyRoute({ Cookie: cookie })).toEqual([101, 200, 200, 200]);
    const later = await http('GET', '/', { Cookie: cookie });
    expect(later.headers['set-cookie']).toBeUndefined();
    expect(later.body).not.toContain(cookie.split('=')[1]);
  });

  it('is refused when replayed, and the replay gets no cookie', async () => {
    const path = pathOf(host.launchUrl());
    const first = await http('GET', path);
    expect(first.status).toBe(303);
    const replay = await http('GET', path);
    expect(replay.status).toBe(403);
    expect(replay.headers['set-cookie']).toBeUndefined();
    expect(await everyRoute({ Cookie: cookieOf(first) })).toEqual([101, 200, 200, 200]);
  });

  it('is not itself a credential: as a cookie, a header or a subprotocol it opens nothing', async () => {
    const code = new URL(host.launchUrl()).searchParams.get('code')!;
    const port = new URL(host.url).port;
    expect(await everyRoute({ Cookie: `kiosk_session_${port}=${code}`, 'X-Kiosk-Token': code })).toEqual([403, 401, 401, 401]);
    expect(await upgrade({}, ['kiosk.v1', `kiosk-token.${code}`])).toBe(403);
  });

  it('is refused once its life is over', async () => {
    const short = await startWebHost({ dispatcher: new ContractDispatcher(kioskContract, new TestKioskImplementation()), events: new EventHub<KioskContract>(), staticDir: null, launchCodeTtlMs: 50 });
    try {
      const url = short.launchUrl();
      await new Promise((r) => setTimeout(r, 120));
      expect((await fetch(url, { redirect: 'manual' })).status).toBe(403);
    } finally {
      await short.close();
    }
  });
});

describe.runIf(process.platform === 'linux')('browser-mode credential: the code on the browser command line', () => {
  let browser: ChildProcess | null = null;
  afterAll(() => {
    browser?.kill('SIGKILL');
  });

  it('is worthless to a process that reads it from /proc after the browser used it', async () => {
    // The stand-in browser: a real process started with the launch URL on its command line, as Chromium is (`--app=<url>`).
    const url = host.launchUrl();
    browser = spawn(process.execPath, ['-e', 'setInterval(() => undefined, 1000)', '--', `--app=${url}`, '--kiosk'], { stdio: 'ignore' });
    await new Promise((r) => browser!.once('spawn', r));
    // The browser opens its URL first (as Chromium does at start-up).
    const legit = await http('GET', pathOf(url));
    expect(legit.status).toBe(303);
    // The attacker: reads the command line of every process it can, finds the URL, replays it.
    const cmdline = readFileSync(`/proc/${browser.pid}/cmdline`, 'utf8').split('\0');
    const stolen = cmdline.find((a) => a.startsWith('--app='))!.slice('--app='.length);
    expect(stolen).toBe(url);
    const replay = await http('GET', pathOf(stolen));
    expect(replay.status).toBe(403);
    expect(replay.headers['set-cookie']).toBeUndefined();
    const code = new URL(stolen).searchParams.get('code')!;
    expect(await everyRoute({ 'X-Kiosk-Token': code })).toEqual([403, 401, 401, 401]);
    // The real browser keeps working.
    expect(await everyRoute({ Cookie: cookieOf(legit) })).toEqual([101, 200, 200, 200]);
  });
});
