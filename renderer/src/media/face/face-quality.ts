import type { FaceFrame, FaceObservation } from './face-frame';
import type { FaceRegionStats } from './face-region-stats';

/**
 * The quality gates a frame must pass before it may be used for liveness or
 * comparison, with where each figure comes from. None is set from the test
 * fixtures: the engine's own figures where it has one, published
 * conventions or the screen's own geometry where it has none.
 */
export const FACE_QUALITY_LIMITS = {
  /**
   * Smallest face box side in pixels: 224, the input size of the engine's
   * descriptor model, below which its author notes it degrades (Human's
   * faceid demo, `minSize: 224`, "min input to face descriptor model before
   * degradation").
   */
  minFaceSidePx: 224,
  /** Least detector and mesh confidence: 0.6, the engine's faceid demo (`minConfidence: 0.6`). */
  minConfidence: 0.6,
  /**
   * The framing oval drawn over the preview, as shares of the frame: the
   * face box must lie inside the oval's bounding box (else "too close" when
   * it is larger, "not centred" when it is off to a side).
   */
  oval: { width: 0.6, height: 0.9 },
  /** Mean face luma bounds, 0..255 (a quarter and four fifths of full scale): below is too dark, above too bright. */
  minMeanLuma: 64,
  maxMeanLuma: 204,
  /** Most face pixels allowed crushed or blown (≤ 5 or ≥ 250), share 0..1. */
  maxClipped: 0.1,
  /**
   * Least variance of the Laplacian of the 128² grey face sample: 100, the
   * customary cut-off of that focus measure for "blurred" in 8-bit images.
   */
  minSharpness: 100,
} as const;

/**
 * What is wrong with a frame, most fundamental first. Yaw and pitch use the
 * engine's own pose rules (gestures "facing left/right", "head up/down").
 */
export type FaceProblem =
  | 'noFace'
  | 'manyFaces'
  | 'notClear'
  | 'tooFar'
  | 'tooClose'
  | 'notCentred'
  | 'turned'
  | 'tilted'
  | 'tooDark'
  | 'tooBright'
  | 'blurry';

/** Every problem, in the order they are judged and reported. */
export const FACE_PROBLEMS: readonly FaceProblem[] = ['noFace', 'manyFaces', 'notClear', 'tooFar', 'tooClose', 'notCentred', 'turned', 'tilted', 'tooDark', 'tooBright', 'blurry'];

/** The verdict on one frame: `problems` empty means the frame is good. */
export interface FaceQuality {
  /** The one face judged, or null when there is none (or more than one). */
  face: FaceObservation | null;
  problems: FaceProblem[];
}

/**
 * Judges a frame. `stats` measures the face region of the same frame
 * (`faceRegionStats`); it is read only when there is exactly one face.
 * A frame with no face or several faces has that single problem: the rest
 * cannot be judged.
 */
export function judgeFaceQuality(frame: FaceFrame, stats: FaceRegionStats | null): FaceQuality {
  if (frame.faces.length === 0) return { face: null, problems: ['noFace'] };
  if (frame.faces.length > 1) return { face: null, problems: ['manyFaces'] };
  const face = frame.faces[0] as FaceObservation;
  const L = FACE_QUALITY_LIMITS;
  const problems: FaceProblem[] = [];
  if (face.boxScore < L.minConfidence || face.faceScore < L.minConfidence || face.facing === null) problems.push('notClear');
  const { x, y, width, height } = face.box;
  const ovalW = frame.width * L.oval.width;
  const ovalH = frame.height * L.oval.height;
  const left = (frame.width - ovalW) / 2;
  const top = (frame.height - ovalH) / 2;
  if (Math.min(width, height) < L.minFaceSidePx) problems.push('tooFar');
  if (width > ovalW || height > ovalH) problems.push('tooClose');
  else if (x < left || y < top || x + width > left + ovalW || y + height > top + ovalH) problems.push('notCentred');
  if (face.facing === 'left' || face.facing === 'right') problems.push('turned');
  if (face.head !== null) problems.push('tilted');
  if (stats) {
    if (stats.meanLuma < L.minMeanLuma || stats.darkClipped > L.maxClipped) problems.push('tooDark');
    else if (stats.meanLuma > L.maxMeanLuma || stats.brightClipped > L.maxClipped) problems.push('tooBright');
    if (stats.sharpness < L.minSharpness) problems.push('blurry');
  }
  return { face, problems: FACE_PROBLEMS.filter((p) => problems.includes(p)) };
}
