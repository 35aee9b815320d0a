import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { faceEngineAssets } from '../scripts/face-engine-assets';

/** Absolute path of a URL relative to this file (no `node:` import: renderer/ must not use Node modules). */
const here = (relative: string): string => decodeURIComponent(new URL(relative, import.meta.url).pathname);

const root = here('.');

/**
 * The page entry (`main.tsx`) loads the app with a dynamic `import()` so that
 * its start-up calls go out first; this adds `<link rel="modulepreload">`
 * for that chunk and its static imports, so the browser fetches and compiles
 * them while the entry runs instead of after.
 */
function preloadEntryDynamicImports(): Plugin {
  return {
    name: 'kiosk-preload-entry-dynamic-imports',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const entry = ctx.chunk;
        const bundle = ctx.bundle;
        if (!entry || !bundle) return [];
        const files = new Set<string>();
        const add = (file: string): void => {
          const chunk = bundle[file];
          if (!chunk || chunk.type !== 'chunk' || files.has(file) || file === entry.fileName) return;
          files.add(file);
          chunk.imports.forEach(add);
        };
        entry.dynamicImports.forEach(add);
        return [...files].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

/**
 * Builds the renderer into `dist/renderer` with relative asset URLs (`base:
 * './'`) so the same files load from Electron's custom protocol and from the
 * loopback web host. Everything is bundled: no external URL, works offline,
 * no inline scripts (the host's CSP is `script-src 'self'`).
 */
export default defineConfig({
  root,
  base: './',
  plugins: [react(), preloadEntryDynamicImports(), faceEngineAssets()],
  publicDir: 'public',
  build: {
    outDir: here('../dist/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  resolve: {
    alias: {
      // @xstate/react imports the use-sync-external-store shims, which exist
      // for React < 18; on React 19 they only forward to React's own hooks.
      // The non-shim builds use React's hooks directly, so the start-up chunk
      // carries no shim.
      'use-sync-external-store/shim/with-selector': 'use-sync-external-store/with-selector',
      'use-sync-external-store/shim': 'use-sync-external-store',
    },
  },
  server: { fs: { allow: [here('..')] } },
});
