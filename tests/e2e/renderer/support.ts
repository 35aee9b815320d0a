import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Repository root. */
export const ROOT = resolve(import.meta.dirname, '../../..');
/** The built renderer (run `npm run build:renderer` first). */
export const RENDERER_DIST = join(ROOT, 'dist/renderer');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wav': 'audio/wav',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves `dir` on a loopback port (no token, no API: the page gets a TestKioskApi instead). */
export async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^([/\\])+/, '');
      const file = join(dir, path === '' ? 'index.html' : path);
      try {
        if (!file.startsWith(dir) || !(await stat(file)).isFile()) throw new Error('not a file');
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(await readFile(file));
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

let bundle: string | null = null;

/** The TestKioskApi as a browser script that defines `window.TestKioskApi`. */
export async function testApiBundle(): Promise<string> {
  if (bundle) return bundle;
  const out = await build({
    entryPoints: [join(ROOT, 'renderer/src/testing/test-kiosk-api-global.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    target: 'chrome120',
  });
  bundle = out.outputFiles[0]?.text ?? '';
  return bundle;
}

/** Launches the Debian Chromium headless. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** Viewports of the two panel orientations. */
export const VIEWPORTS = { portrait: { width: 1080, height: 1920 }, landscape: { width: 1920, height: 1080 } } as const;

/** Flow timing that holds every automatic step for a minute, so each screen stays still while it is checked. */
export const HOLD = { welcomeMs: 60_000, resultMs: 60_000, printDoneMs: 60_000, thanksMs: 60_000 };

/**
 * Opens the renderer with a fresh TestKioskApi as `window.kiosk`.
 * `options` is passed to the TestKioskApi constructor (JSON-serialisable);
 * `timing` becomes `window.kioskFlowTiming` (default {@link HOLD}).
 */
export async function openKiosk(
  browser: Browser,
  url: string,
  orientation: keyof typeof VIEWPORTS,
  options: Record<string, unknown> = {},
  timing: Record<string, number> = HOLD,
): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS[orientation], locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  await page.addInitScript({ content: `${await testApiBundle()}\nwindow.kiosk = new window.TestKioskApi(${JSON.stringify(options)});\nwindow.kioskFlowTiming = ${JSON.stringify(timing)};` });
  await page.goto(url);
  await page.locator('[data-screen="attract"]').waitFor();
  return page;
}
