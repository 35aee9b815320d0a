import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';

/**
 * A minimal stand-in for platform-sim implementing platform protocol v1 as far
 * as the sync tests need (batches, time, catalogue, heartbeats, admin
 * endpoints, faults). With `dataDir`, accepted records are appended to a
 * JSONL file before answering, so dedupe survives a SIGKILL restart.
 */
export interface TestPlatform {
  url: string;
  close(): Promise<void>;
}

interface Faults {
  latencyMs: number;
  errorRate: number;
  dropRate: number;
  down: boolean;
}

interface TxRecord {
  id: string;
  deviceId: string;
  seq: number;
  service: string;
  receivedCount: number;
  acceptedAt: string;
}

/** Service codes the test catalogue knows; anything else is rejected `unknown-service`. */
export const TEST_SERVICE_CODES = ['XK00001001', 'QR00002001', 'GG00003001'];

function item(code: string, version: number) {
  return {
    code,
    name: `测试事项 ${code} v${version}`,
    department: '测试局',
    category: '测试',
    itemType: '公共服务',
    queueable: true,
    output: 'receipt',
    feeFen: 0,
    guide: { summary: '说明', whoCanApply: '所有人', timeLimit: '1天', resultDelivery: '窗口', feeDescription: '免费', legalBasis: '无' },
    materials: [],
    form: [],
    lifeEvents: [],
  };
}

/** Starts the test platform on 127.0.0.1:`port` (0 = any free port). */
export async function startTestPlatform(options: { port?: number; dataDir?: string } = {}): Promise<TestPlatform> {
  const records = new Map<string, TxRecord>();
  const others: Record<'ratings' | 'telemetry', Map<string, { id: string; receivedCount: number }>> = { ratings: new Map(), telemetry: new Map() };
  const heartbeats: unknown[] = [];
  let faults: Faults = { latencyMs: 0, errorRate: 0, dropRate: 0, down: false };
  const journal = options.dataDir ? join(options.dataDir, 'platform-journal.jsonl') : null;
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  if (journal) {
    try {
      for (const line of readFileSync(journal, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          const r = JSON.parse(line) as TxRecord;
          const prev = records.get(r.id);
          if (prev) prev.receivedCount += 1;
          else records.set(r.id, r);
        } catch {
          // A line torn by SIGKILL mid-append: ignore it (its item was never answered).
        }
      }
    } catch {
      // No journal yet.
    }
  }

  const send = (res: ServerResponse, status: number, body: unknown) => {
    const serverTime = new Date().toISOString();
    const payload = body && typeof body === 'object' && !Array.isArray(body) ? { serverTime, ...body } : body;
    res.writeHead(status, { 'Content-Type': 'application/json', 'X-Platform-Time': serverTime });
    res.end(JSON.stringify(payload));
  };

  const readBody = (req: IncomingMessage) =>
    new Promise<unknown>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
        } catch (e) {
          reject(e);
        }
      });
      req.on('error', reject);
    });

  const handleBatch = (kind: 'transactions' | 'ratings' | 'telemetry', deviceId: string, items: Array<Record<string, unknown>>) => {
    const results: Array<{ id: string; status: string; reason?: string }> = [];
    for (const it of items) {
      const id = String(it.id);
      if (kind === 'transactions') {
        const prev = records.get(id);
        if (prev) {
          prev.receivedCount++;
          if (journal) appendFileSync(journal, JSON.stringify(prev) + '\n');
          results.push({ id, status: 'duplicate' });
          continue;
        }
        if (!TEST_SERVICE_CODES.includes(String(it.service))) {
          results.push({ id, status: 'rejected', reason: 'unknown-service' });
          continue;
        }
        const rec: TxRecord = { id, deviceId, seq: Number(it.seq), service: String(it.service), receivedCount: 1, acceptedAt: new Date().toISOString() };
        if (journal) appendFileSync(journal, JSON.stringify(rec) + '\n');
        records.set(id, rec);
        results.push({ id, status: 'accepted' });
      } else {
        const m = others[kind];
        const prev = m.get(id);
        if (prev) {
          prev.receivedCount++;
          results.push({ id, status: 'duplicate' });
        } else {
          m.set(id, { ...it, id, receivedCount: 1 });
          results.push({ id, status: 'accepted' });
        }
      }
    }
    return results;
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = url.pathname;
      if (path.startsWith('/admin/')) {
        if (req.method === 'GET' && path === '/admin/transactions') return send(res, 200, [...records.values()]);
        if (req.method === 'GET' && path === '/admin/ratings') return send(res, 200, [...others.ratings.values()]);
        if (req.method === 'GET' && path === '/admin/telemetry') return send(res, 200, [...others.telemetry.values()]);
        if (req.method === 'GET' && path === '/admin/heartbeats') return send(res, 200, heartbeats);
        if (req.method === 'POST' && path === '/admin/faults') {
          faults = { ...faults, ...((await readBody(req)) as Partial<Faults>) };
          return send(res, 200, { faults });
        }
        if (req.method === 'POST' && path === '/admin/reset') {
          faults = { latencyMs: 0, errorRate: 0, dropRate: 0, down: false };
          return send(res, 200, { faults });
        }
        return send(res, 404, { error: 'not-found', message: path });
      }
      if (faults.down) return req.socket.destroy();
      if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
      if (Math.random() < faults.errorRate) return send(res, 503, { error: 'unavailable', message: 'injected' });
      const drop = Math.random() < faults.dropRate;
      const dropAfter = drop && Math.random() < 0.5;
      if (drop && !dropAfter) return req.socket.destroy();
      let reply: [number, unknown];
      if (req.method === 'GET' && path === '/api/v1/time') reply = [200, {}];
      else if (req.method === 'GET' && path === '/api/v1/catalogue') {
        reply = [200, { version: 1, full: true, items: TEST_SERVICE_CODES.map((c) => item(c, 1)), removed: [], lifeEvents: [] }];
      } else if (req.method === 'POST' && path === '/api/v1/heartbeats') {
        heartbeats.push(await readBody(req));
        reply = [200, { pinnedVersion: null }];
      } else if (req.method === 'POST' && /^\/api\/v1\/(transactions|ratings|telemetry)\/batch$/.test(path)) {
        const kind = path.split('/')[3] as 'transactions' | 'ratings' | 'telemetry';
        let body: { deviceId?: unknown; items?: unknown };
        try {
          body = (await readBody(req)) as typeof body;
        } catch {
          return send(res, 400, { error: 'invalid-json', message: 'body is not JSON' });
        }
        if (typeof body.deviceId !== 'string' || !Array.isArray(body.items) || body.items.length > 500) {
          return send(res, 400, { error: 'invalid-envelope', message: 'deviceId and items[] (≤500) required' });
        }
        reply = [200, { results: handleBatch(kind, body.deviceId, body.items as Array<Record<string, unknown>>) }];
      } else reply = [404, { error: 'not-found', message: path }];
      if (dropAfter) return req.socket.destroy();
      send(res, reply[0], reply[1]);
    })().catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'internal', message: 'test platform error' });
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
