import { FACE_ENGINE_DIR, faceEngineConfig, type FaceEngineMode } from './face-engine-config';
import { toFaceFrame, type EngineResult, type FaceFrame } from './face-frame';

/**
 * The face engine in the renderer: `@vladmandic/human` on the WebAssembly
 * backend, loaded on first use as a chunk of its own (about 2 MB of script;
 * the start-up chunk never carries it), its models and WASM binaries from
 * the kiosk's own origin (`face-engine/`, copied into the build by
 * scripts/face-engine-assets.ts).
 *
 * Why the renderer and not the core: one 640×480 RGBA frame is 1 228 800
 * bytes, above the contract's 1 MiB message limit (WIRE_MAX_MESSAGE_BYTES),
 * and the guidance loop needs 10 of them a second; in the renderer the
 * stream never leaves the page, and only the single frames the platform's
 * comparison needs ever cross to the core.
 */
export interface FaceEngine {
  /** Runs the engine on the current picture of `source` (a canvas holding the frame). */
  detect(source: HTMLCanvasElement, mode: FaceEngineMode): Promise<FaceFrame>;
  /** Descriptor similarity, 0..1, with the match options of the engine's faceid demo for its `faceres` model. */
  similarity(a: readonly number[], b: readonly number[]): number;
  /** How long loading took (script, WASM and every model), ms. */
  readonly loadMs: number;
}

/** The engine folder's absolute URL for this page (`kiosk://app/face-engine/`, `http://127.0.0.1:p/face-engine/`). */
export function faceEngineBaseUrl(baseUri: string = document.baseURI): string {
  return new URL(FACE_ENGINE_DIR, baseUri).href;
}

let loading: Promise<FaceEngine> | null = null;

/**
 * Loads the engine once per page (later calls share the first load); a
 * failed load is forgotten so that the next call tries again. Rejects when a
 * file is missing or WebAssembly may not be compiled (CSP).
 */
export function loadFaceEngine(baseUrl: string = faceEngineBaseUrl()): Promise<FaceEngine> {
  loading ??= (async (): Promise<FaceEngine> => {
    const t0 = performance.now();
    const { Human } = await import('@vladmandic/human');
    const human = new Human(faceEngineConfig('evidence', baseUrl));
    await human.load();
    const loadMs = performance.now() - t0;
    return {
      loadMs,
      async detect(source, mode) {
        const result = await human.detect(source, faceEngineConfig(mode, baseUrl));
        return toFaceFrame(result as unknown as EngineResult, source.width, source.height);
      },
      similarity: (a, b) => human.match.similarity([...a], [...b], { order: 2, multiplier: 25, min: 0.2, max: 0.8 }),
    };
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
