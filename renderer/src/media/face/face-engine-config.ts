/**
 * Where the face engine's files live and how it is configured. Pure data (no
 * DOM, no Node): the renderer's loader, the Vite plugin that copies the files
 * into the build (scripts/face-engine-assets.ts), the Node tests and the
 * bench all read this one module, so the files shipped and the files loaded
 * cannot drift apart.
 *
 * The engine is `@vladmandic/human` (MIT) on TensorFlow.js's WebAssembly
 * backend. Its models ship inside the npm package (`models/`); the WASM
 * binaries inside `@tensorflow/tfjs-backend-wasm` (`dist/`). Both are served
 * from the kiosk's own origin under {@link FACE_ENGINE_DIR}; nothing is
 * fetched from anywhere else (the engine's defaults point at a CDN: every
 * path is set here).
 */

/** Folder of the engine's files inside the built renderer (`dist/renderer/face-engine/`). */
export const FACE_ENGINE_DIR = 'face-engine/';

/** Sub-folder of {@link FACE_ENGINE_DIR} holding the models (`<name>.json` + `<name>.bin`). */
export const FACE_MODELS_DIR = 'models/';

/** Sub-folder of {@link FACE_ENGINE_DIR} holding the TensorFlow.js WASM binaries. */
export const FACE_WASM_DIR = 'wasm/';

/**
 * The models the kiosk ships, by the engine's file names: detector
 * (BlazeFace), mesh (468 points), iris (10 more points, eye openness), the
 * 1024-value face descriptor (`faceres`) for 1:1 similarity, and the two
 * single-frame presentation-attack scores (`antispoof`: real vs. replayed,
 * `liveness`: live vs. still). About 13.4 MB together.
 */
export const FACE_MODEL_NAMES = ['blazeface', 'facemesh', 'iris', 'faceres', 'antispoof', 'liveness'] as const;

/**
 * The WASM binaries shipped: plain and SIMD (the backend picks SIMD when the
 * CPU has it). The threaded build is left out: it needs SharedArrayBuffer,
 * i.e. cross-origin isolation, which the hosts do not enable (see
 * main/web/security-headers.ts and docs/benchmarks.md for the figures).
 */
export const FACE_WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'] as const;

/** Every file under {@link FACE_ENGINE_DIR}, relative to it, e.g. `models/facemesh.bin`. */
export function faceEngineFiles(): string[] {
  return [...FACE_MODEL_NAMES.flatMap((m) => [`${FACE_MODELS_DIR}${m}.json`, `${FACE_MODELS_DIR}${m}.bin`]), ...FACE_WASM_FILES.map((f) => `${FACE_WASM_DIR}${f}`)];
}

/**
 * What one call of the engine computes:
 * - `track`: detector + mesh + iris (framing, pose, eyes, mouth): the
 *   guidance and challenge loop, every frame;
 * - `evidence`: `track` plus the descriptor and both anti-spoofing scores:
 *   the frames kept as evidence (first and best frame, one per challenge).
 */
export type FaceEngineMode = 'track' | 'evidence';

/** Most faces the detector reports: two, so that "more than one face" is seen rather than hidden. */
export const FACE_MAX_DETECTED = 2;

/**
 * The engine configuration for `mode`, with every file under `baseUrl`
 * (an absolute URL ending in `/`, e.g. `kiosk://app/face-engine/` or
 * `file:///…/`; it must be the folder laid out as {@link faceEngineFiles}).
 *
 * Every model is named explicitly with `enabled` on or off, because the
 * engine merges a per-call configuration into its own for good. Caching of
 * results between frames is off (`cacheSensitivity: 0`, `skipFrames: 0`,
 * `skipTime: 0`): each frame is judged on its own, as the challenge timing
 * needs. Models are not cached in IndexedDB (`cacheModels: false`): the
 * shipped files are the only source.
 */
export function faceEngineConfig(mode: FaceEngineMode, baseUrl: string) {
  if (!baseUrl.endsWith('/')) throw new Error('face engine base URL must end with /');
  const evidence = mode === 'evidence';
  const perFrame = { skipFrames: 0, skipTime: 0 };
  const model = (name: (typeof FACE_MODEL_NAMES)[number]) => `${name}.json`;
  return {
    backend: 'wasm' as const,
    wasmPath: `${baseUrl}${FACE_WASM_DIR}`,
    wasmPlatformFetch: false,
    modelBasePath: `${baseUrl}${FACE_MODELS_DIR}`,
    cacheModels: false,
    cacheSensitivity: 0,
    debug: false,
    async: true,
    warmup: 'none' as const,
    // No SharedArrayBuffer without cross-origin isolation: say so instead of letting the backend probe.
    flags: { WASM_HAS_MULTITHREAD_SUPPORT: false },
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: { enabled: true, modelPath: model('blazeface'), rotation: true, maxDetected: FACE_MAX_DETECTED, return: false, ...perFrame },
      mesh: { enabled: true, modelPath: model('facemesh') },
      iris: { enabled: true, modelPath: model('iris'), ...perFrame },
      description: { enabled: evidence, modelPath: model('faceres'), ...perFrame },
      antispoof: { enabled: evidence, modelPath: model('antispoof'), ...perFrame },
      liveness: { enabled: evidence, modelPath: model('liveness'), ...perFrame },
      emotion: { enabled: false },
      attention: { enabled: false },
      gear: { enabled: false },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    segmentation: { enabled: false },
    gesture: { enabled: true },
  };
}
