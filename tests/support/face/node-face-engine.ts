import { mkdirSync, readFileSync, symlinkSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { faceEngineConfig, faceEngineFiles, type FaceEngineMode } from '../../../renderer/src/media/face/face-engine-config';
import { toFaceFrame, type EngineResult, type FaceFrame } from '../../../renderer/src/media/face/face-frame';
import { faceEngineSourcePath, HUMAN_PACKAGE_DIR } from '../../../scripts/face-engine-assets';
import type { RgbaFrame } from './y4m';

const require = createRequire(import.meta.url);

/** The engine's Node build on the WASM backend, the same models and config as the renderer. */
export interface NodeFaceEngine {
  detect(frame: RgbaFrame, mode: FaceEngineMode): Promise<FaceFrame>;
  /** The engine's descriptor similarity (0..1) with the options its faceid demo uses for `faceres`. */
  similarity(a: readonly number[], b: readonly number[]): number;
  /** Every URL the engine asked for (all `file:`: anything else is refused and recorded). */
  readonly requested: readonly string[];
  /** Time of `load()`, ms. */
  readonly loadMs: number;
}

/** Descriptor match options of the engine's faceid demo for the `faceres` model. */
export const FACERES_MATCH_OPTIONS = { order: 2, multiplier: 25, min: 0.2, max: 0.8 } as const;

/**
 * Lays the engine's files out as the renderer build does (`face-engine/`,
 * symlinks into node_modules, the Vite plugin's source map), so the Node
 * engine loads the same relative paths from `file:` URLs.
 */
export function faceEngineFolder(dir: string): string {
  for (const file of faceEngineFiles()) {
    const target = join(dir, file);
    if (existsSync(target)) continue;
    mkdirSync(resolve(target, '..'), { recursive: true });
    symlinkSync(faceEngineSourcePath(file), target);
  }
  return `${pathToFileURL(dir).href.replace(/\/$/, "")}/`;
}

let loaded: Promise<NodeFaceEngine> | null = null;

/**
 * Loads the engine once per process with the network shut: `fetch` answers
 * `file:` URLs from disk (Node's own fetch has no `file:`) and throws for
 * everything else, recording each request. The engine's package `exports`
 * map is broken for Node, so its `dist/human.node-wasm.js` is loaded by path.
 */
export function loadNodeFaceEngine(dir: string): Promise<NodeFaceEngine> {
  loaded ??= (async () => {
    const requested: string[] = [];
    globalThis.fetch = (async (input: string | URL | Request) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      requested.push(url);
      if (!url.startsWith('file:')) throw new TypeError(`network refused in tests: ${url}`);
      return new Response(readFileSync(new URL(url)));
    }) as typeof fetch;
    const base = faceEngineFolder(dir);
    const H = require(join(HUMAN_PACKAGE_DIR, 'dist/human.node-wasm.js')) as typeof import('@vladmandic/human');
    const human = new H.Human(faceEngineConfig('evidence', base) as never);
    const t0 = performance.now();
    await human.load();
    const loadMs = performance.now() - t0;
    return {
      requested,
      loadMs,
      async detect(frame, mode) {
        const rgb = new Uint8Array(frame.width * frame.height * 3);
        for (let i = 0, j = 0; i < frame.data.length; i += 4, j += 3) {
          rgb[j] = frame.data[i]!;
          rgb[j + 1] = frame.data[i + 1]!;
          rgb[j + 2] = frame.data[i + 2]!;
        }
        const tensor = human.tf.tensor3d(rgb, [frame.height, frame.width, 3], 'int32');
        try {
          const result = await human.detect(tensor as never, faceEngineConfig(mode, base) as never);
          return toFaceFrame(result as unknown as EngineResult, frame.width, frame.height);
        } finally {
          human.tf.dispose(tensor);
        }
      },
      similarity: (a, b) => human.match.similarity([...a], [...b], FACERES_MATCH_OPTIONS),
    };
  })();
  return loaded;
}
