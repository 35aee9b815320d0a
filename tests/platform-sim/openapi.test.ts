import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type SimFixture } from './sim-fixture';

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, { 'x-test-only'?: boolean; responses?: object }>>;
}

/** docs/openapi.yaml is JSON-compatible YAML after its leading `#` comment lines. */
function loadSpec(): OpenApi {
  const text = readFileSync(new URL('../../docs/openapi.yaml', import.meta.url), 'utf8');
  return JSON.parse(text.replace(/^(#[^\n]*\n)+/, '')) as OpenApi;
}

let f: SimFixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.dispose();
});

describe('docs/openapi.yaml', () => {
  const spec = loadSpec();

  it('is OpenAPI 3.1', () => {
    expect(spec.openapi).toMatch(/^3\.1\./);
  });

  it('describes every route the server registers, and nothing else', () => {
    const documented = Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const registered = f.sim.routes.map((r) => r.replace(/:([A-Za-z]+)/g, '{$1}'));
    expect(registered.length).toBeGreaterThan(15);
    expect([...new Set(registered)].sort()).toEqual([...new Set(documented)].sort());
  });

  it('marks every admin operation test-only and gives every operation responses', () => {
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const op of Object.values(ops)) {
        expect(op.responses, path).toBeDefined();
        if (path.startsWith('/admin/')) expect(op['x-test-only'], path).toBe(true);
      }
    }
  });
});
