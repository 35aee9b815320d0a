import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { FACE_ENGINE_DIR, FACE_MODELS_DIR, FACE_WASM_DIR, faceEngineFiles } from '../renderer/src/media/face/face-engine-config';

/** The project's node_modules (the engine's `exports` map does not export its folders, so paths are joined here). */
const NODE_MODULES = resolve(import.meta.dirname, '../node_modules');

/** The engine's package folder. */
export const HUMAN_PACKAGE_DIR = join(NODE_MODULES, '@vladmandic/human');

/**
 * Where a file of the face engine's folder comes from in node_modules:
 * `models/x` from `@vladmandic/human/models/`, `wasm/x` from
 * `@tensorflow/tfjs-backend-wasm/dist/`. Throws for any other name.
 */
export function faceEngineSourcePath(file: string): string {
  if (file.startsWith(FACE_MODELS_DIR)) return join(HUMAN_PACKAGE_DIR, 'models', file.slice(FACE_MODELS_DIR.length));
  if (file.startsWith(FACE_WASM_DIR)) return join(NODE_MODULES, '@tensorflow/tfjs-backend-wasm/dist', file.slice(FACE_WASM_DIR.length));
  throw new Error(`not a face engine file: ${file}`);
}

/**
 * Vite plugin: copies the face engine's models and WASM binaries
 * (`faceEngineFiles()`) into the build under `face-engine/`, so both hosts
 * (Electron's `kiosk://app/`, the browser-mode web host) serve them from the
 * kiosk's own origin; the dev server serves them from node_modules.
 */
export function faceEngineAssets(): Plugin {
  return {
    name: 'kiosk-face-engine-assets',
    generateBundle() {
      for (const file of faceEngineFiles()) this.emitFile({ type: 'asset', fileName: `${FACE_ENGINE_DIR}${file}`, source: readFileSync(faceEngineSourcePath(file)) });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        const at = path.indexOf(`/${FACE_ENGINE_DIR}`);
        const file = at >= 0 ? path.slice(at + FACE_ENGINE_DIR.length + 1) : '';
        if (!faceEngineFiles().includes(file)) return next();
        res.setHeader('Content-Type', file.endsWith('.wasm') ? 'application/wasm' : file.endsWith('.json') ? 'application/json' : 'application/octet-stream');
        res.end(readFileSync(faceEngineSourcePath(file)));
      });
    },
  };
}
