import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKioskStore, TestKeyProvider } from '../offline-cache/index';

// Durable enqueue rate of the outbox (record + outbox row, sealed, one fsynced
// transaction each) against raw better-sqlite3 single-row inserts with the same
// pragmas (WAL, synchronous=FULL). Rounds alternate to share disk conditions.
const N = Number(process.env.BENCH_OUTBOX_N ?? 1000);
const ROUNDS = 3;
const data = { name: '张三', idNumber: '11010519491231002X', address: '北京市东城区景山前街4号', phone: '13800000000' };

function rawRate(dir: string): number {
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 10000');
  db.pragma('secure_delete = ON');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  const ins = db.prepare('INSERT INTO t (body) VALUES (?)');
  const body = randomBytes(200);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) ins.run(body);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  db.close();
  return N / s;
}

function storeRate(dir: string): number {
  const store = openKioskStore({ dataDir: dir, deviceId: 'kiosk-bench', keyProvider: new TestKeyProvider() });
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) store.submitTransaction({ service: 'XK00001001', data });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  store.close();
  return N / s;
}

const raw: number[] = [];
const ours: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const a = mkdtempSync(join(tmpdir(), 'bench-raw-'));
  const b = mkdtempSync(join(tmpdir(), 'bench-outbox-'));
  try {
    raw.push(rawRate(a));
    ours.push(storeRate(b));
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const rawMedian = median(raw);
const oursMedian = median(ours);
console.log(`raw single-row insert (WAL, synchronous=FULL): ${rawMedian.toFixed(0)} rows/s (goal: reference)`);
console.log(`outbox durable enqueue (record + outbox row, AES-256-GCM): ${oursMedian.toFixed(0)} tx/s (goal: ≥ 0.8 × raw)`);
console.log(`outbox enqueue vs raw insert: ${(oursMedian / rawMedian).toFixed(2)} × (goal: ≥ 0.80 ×)`);
