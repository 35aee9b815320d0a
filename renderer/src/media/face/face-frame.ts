/**
 * The face engine's answer for one camera frame, reduced to what the kiosk
 * judges: no mesh points, no image data, nothing kept past the frame but the
 * descriptor of an evidence frame. Pure: built from the engine's result
 * object by {@link toFaceFrame}, so the same code reads it in Chromium, in
 * the Node tests and in the bench.
 */

/** A face box in frame pixels (origin top left). */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One detected face. */
export interface FaceObservation {
  box: FaceBox;
  /** Detector confidence, 0..1. */
  boxScore: number;
  /** Mesh confidence, 0..1. */
  faceScore: number;
  /** Mesh points found (468, 478 with the iris model); 0 when the mesh failed. */
  meshPoints: number;
  /**
   * Where the face points, by the engine's own rule (gesture "facing
   * left/center/right": |Δz/Δx| of the outer eye corners ≤ 0.15 is centre).
   * Left and right are the person's as seen by the camera; null when the
   * mesh failed (the engine then gives no pose gesture).
   */
  facing: 'left' | 'center' | 'right' | null;
  /** The engine's "head up/down" gesture (chin depth beyond 10 mesh units); null: level. */
  head: 'up' | 'down' | null;
  /** Eyes the engine reports closed (gesture "blink left/right eye": eye openness < 0.2). */
  eyesClosed: { left: boolean; right: boolean };
  /** Mouth opening in percent of face height ×5 (gesture "mouth N% open", reported above 10); 0 below. */
  mouthOpenPercent: number;
  /** Head rotation estimated from the mesh, radians; null when the mesh failed. */
  angles: { yaw: number; pitch: number; roll: number } | null;
  /** The 1024-value descriptor (evidence mode only), else null. */
  embedding: number[] | null;
  /** Anti-spoofing score ("real", 0..1, evidence mode only), else null. */
  real: number | null;
  /** Liveness score ("live", 0..1, evidence mode only), else null. */
  live: number | null;
}

/** The engine's answer for one frame. */
export interface FaceFrame {
  /** Frame size in pixels. */
  width: number;
  height: number;
  faces: FaceObservation[];
}

/** The parts of the engine's face result this module reads (structurally: no import of the engine here). */
export interface EngineFace {
  box: [number, number, number, number];
  boxScore: number;
  faceScore: number;
  mesh: unknown[];
  embedding?: number[];
  real?: number;
  live?: number;
  rotation?: { angle: { yaw: number; pitch: number; roll: number } } | null;
}

/** The parts of the engine's result this module reads. */
export interface EngineResult {
  face: EngineFace[];
  gesture: ({ face: number; gesture: string } | { iris: number; gesture: string } | object)[];
}

/** The engine's face gestures of face `index`. */
function gesturesOf(result: EngineResult, index: number): string[] {
  return result.gesture.flatMap((g) => ('face' in g && g.face === index ? [g.gesture] : []));
}

/** Reduces the engine's result for a `width`×`height` frame to a {@link FaceFrame}. */
export function toFaceFrame(result: EngineResult, width: number, height: number): FaceFrame {
  const faces = result.face.map((f, i): FaceObservation => {
    const gestures = gesturesOf(result, i);
    const facing = gestures.includes('facing left') ? 'left' : gestures.includes('facing right') ? 'right' : gestures.includes('facing center') ? 'center' : null;
    const head = gestures.includes('head up') ? 'up' : gestures.includes('head down') ? 'down' : null;
    const mouth = gestures.map((g) => /^mouth (\d+)% open$/.exec(g)).find((m) => m !== null);
    const [x, y, w, h] = f.box;
    return {
      box: { x, y, width: w, height: h },
      boxScore: f.boxScore,
      faceScore: f.faceScore,
      meshPoints: f.mesh.length,
      facing,
      head,
      eyesClosed: { left: gestures.includes('blink left eye'), right: gestures.includes('blink right eye') },
      mouthOpenPercent: mouth ? Number(mouth[1]) : 0,
      angles: f.rotation ? { yaw: f.rotation.angle.yaw, pitch: f.rotation.angle.pitch, roll: f.rotation.angle.roll } : null,
      embedding: f.embedding && f.embedding.length > 0 ? [...f.embedding] : null,
      real: typeof f.real === 'number' ? f.real : null,
      live: typeof f.live === 'number' ? f.live : null,
    };
  });
  return { width, height, faces };
}
