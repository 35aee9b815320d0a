import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fake, resetFakeElectron } from '../../tests/contract/fake-electron';
import { APP_CSP, createAppProtocolHandler, registerAppScheme, setupAppProtocol } from './app-protocol';

vi.mock('electron', async () => (await import('../../tests/contract/fake-electron')).electronModule);

let root: string;
let rendererDir: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'app-protocol-'));
  rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<html><head></head></html>');
  writeFileSync(join(rendererDir, 'assets', 'a.js'), 'export {}');
  writeFileSync(join(root, 'secret.txt'), 'secret');
  resetFakeElectron();
  setupAppProtocol(rendererDir);
  handle = fake.protocolHandlers.get('kiosk')!;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `new Request` normalises `..` away, so traversal attempts are built as raw objects like Chromium could hand over. */
const req = (url: string, method = 'GET') => ({ url, method }) as Request;

describe('kiosk:// protocol', () => {
  it('registers kiosk as a standard, secure scheme', () => {
    registerAppScheme();
    expect(fake.privilegedSchemes).toContainEqual({ scheme: 'kiosk', privileges: expect.objectContaining({ standard: true, secure: true }) });
  });

  it('serves the renderer with content types and the CSP', async () => {
    const index = await handle(req('kiosk://app/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(APP_CSP);
    const js = await handle(req('kiosk://app/assets/a.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('export {}');
    expect((await handle(req('kiosk://app/some/route'))).status).toBe(200);
    expect((await handle(req('kiosk://app/missing.js'))).status).toBe(404);
  });

  it('refuses path traversal', async () => {
    for (const path of ['/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/%00']) {
      const res = await handle(req(`kiosk://app${path}`));
      // The URL parser already folds a literal or %2e-encoded `..` segment; encoded slashes reach the resolver.
      expect([403, 404], path).toContain(res.status);
      expect(await res.text(), path).not.toBe('secret');
    }
    expect((await handle(req('kiosk://app/..%2fsecret.txt'))).status).toBe(403);
    expect((await handle(req('kiosk://app/assets/..%2f..%2fsecret.txt'))).status).toBe(403);
  });

  it('refuses other hosts and methods', async () => {
    expect((await handle(req('kiosk://other/index.html'))).status).toBe(404);
    expect((await handle(req('kiosk://app/index.html', 'POST'))).status).toBe(405);
    expect(createAppProtocolHandler(rendererDir)).toBeTypeOf('function');
  });
});
