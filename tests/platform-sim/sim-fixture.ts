import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatformSim, type PlatformSim, type PlatformSimOptions } from '../../platform-sim/server';

/** A platform-sim on an ephemeral port over a fresh temp data dir. */
export interface SimFixture {
  sim: PlatformSim;
  dataDir: string;
  /** JSON request helper: returns status, headers and parsed body (or text). The body is loosely typed so tests can probe any shape. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are probed field by field in assertions
  call(method: string, path: string, body?: unknown): Promise<{ status: number; headers: Headers; body: any }>;
  /** Closes the sim (idempotent) and removes the data dir. */
  dispose(): Promise<void>;
}

/** Starts a quiet sim; `dataDir` reuses an existing directory (for restart tests). */
export async function startFixture(options: Partial<PlatformSimOptions> = {}): Promise<SimFixture> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'platform-sim-test-'));
  const sim = await startPlatformSim({ quiet: true, ...options, dataDir });
  return {
    sim,
    dataDir,
    async call(method, path, body) {
      const res = await fetch(sim.url + path, {
        method,
        headers: body === undefined ? { 'x-kiosk-device': 'test-kiosk' } : { 'content-type': 'application/json', 'x-kiosk-device': 'test-kiosk' },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
      return { status: res.status, headers: res.headers, body: parsed };
    },
    async dispose() {
      await sim.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let seq = 0;

/** A valid transaction item for the well-known 社保查询 item (code GG00001001). */
export function txItem(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq++;
  return {
    id,
    seq,
    service: 'GG00001001',
    createdAt: new Date().toISOString(),
    kioskClockOffsetMs: 12,
    data: { name: '张三', idNumber: '11010519491231002X' },
    ...overrides,
  };
}
