import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Absolute path of a URL relative to this file (no `node:` import: renderer/ must not use Node modules). */
const here = (relative: string): string => decodeURIComponent(new URL(relative, import.meta.url).pathname);

const root = here('.');

/**
 * Builds the renderer into `dist/renderer` with relative asset URLs (`base:
 * './'`) so the same files load from Electron's custom protocol and from the
 * loopback web host. Everything is bundled: no external URL, works offline,
 * no inline scripts (the host's CSP is `script-src 'self'`).
 */
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  publicDir: 'public',
  build: {
    outDir: here('../dist/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: { fs: { allow: [here('..')] } },
});
