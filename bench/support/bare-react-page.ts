import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './bench-kiosk';

/** Test id of the bare page's one button. */
export const BARE_BUTTON = 'bare-button';

const ENTRY = `import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const [n, setN] = useState(0);
  return (
    <main>
      <h1>Bare React page</h1>
      <button type="button" data-testid="${BARE_BUTTON}" onClick={() => setN(n + 1)}>Start {n}</button>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
`;

const HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bare</title><script type="module" src="./main.js"></script></head>
<body><div id="root"></div></body></html>`;

/**
 * The baseline of the cold-start bench: a minimal React 19 page (one button),
 * bundled for production with esbuild from the project's own `react` and
 * `react-dom` (minified, `NODE_ENV=production`, ES module, chrome120 like the
 * renderer) into `dir`, and served from `node:http` on loopback. Returns the
 * page URL, the bundle size and a `close()`.
 */
export async function serveBareReactPage(dir: string): Promise<{ url: string; bytes: number; close(): Promise<void> }> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.tsx'), ENTRY);
  writeFileSync(join(dir, 'index.html'), HTML);
  const out = await build({
    entryPoints: [join(dir, 'main.tsx')],
    outfile: join(dir, 'main.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    nodePaths: [join(ROOT, 'node_modules')],
    metafile: true,
    logLevel: 'error',
  });
  const bytes = Object.values(out.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').replace(/^\/+/, '').split('?')[0]!;
    if (name !== 'index.html' && name !== 'main.js') {
      res.writeHead(404).end();
      return;
    }
    readFile(join(dir, name)).then(
      (body) => res.writeHead(200, { 'content-type': types[extname(name)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, bytes, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
