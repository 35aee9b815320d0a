import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { txItem } from './sim-fixture';

async function spawnSim(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'platform-sim/cli.ts', '--port', '0', '--data-dir', dataDir, '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`platform-sim exited ${code}`)));
  });
  return { child, url: line.replace('platform-sim listening on ', '') };
}

describe('platform-sim killed with SIGKILL mid-batch', () => {
  it('keeps each batch all-or-nothing and never duplicates a record', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'platform-sim-crash-'));
    try {
      const batches: Record<string, unknown>[][] = [];
      for (let trial = 0; trial < 2; trial++) {
        const items = Array.from({ length: 500 }, (_, i) => txItem(`crash-${trial}-${i}`, { data: { name: '赵六', note: 'y'.repeat(500) } }));
        batches.push(items);
        const { child, url } = await spawnSim(dataDir);
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        const sending = fetch(`${url}/api/v1/transactions/batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ deviceId: 'k-crash', items }),
        }).then(
          () => 'answered',
          () => 'failed',
        );
        await new Promise((r) => setTimeout(r, 5 + trial * 40));
        child.kill('SIGKILL');
        await Promise.all([sending, exited]);
      }
      const { child, url } = await spawnSim(dataDir);
      try {
        for (const items of batches) {
          const res = await fetch(`${url}/api/v1/transactions/batch`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ deviceId: 'k-crash', items }),
          });
          const body = (await res.json()) as { results: { status: string }[] };
          expect(new Set(body.results.map((r) => r.status)).size).toBe(1);
        }
        const admin = (await (await fetch(`${url}/admin/transactions`)).json()) as { id: string }[];
        expect(admin).toHaveLength(1000);
        expect(new Set(admin.map((t) => t.id)).size).toBe(1000);
      } finally {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await exited;
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
