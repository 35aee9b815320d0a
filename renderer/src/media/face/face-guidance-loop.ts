import type { FaceEngine } from './face-engine';
import type { FaceFrame } from './face-frame';
import { judgeFaceQuality, type FaceQuality } from './face-quality';
import { faceRegionStats } from './face-region-stats';

/** One judged frame of the loop. */
export interface GuidanceTick {
  frame: FaceFrame;
  quality: FaceQuality;
  /** Time the engine took for this frame, ms. */
  detectMs: number;
}

/**
 * The guidance loop: copies the video's current picture into a canvas of the
 * video's size, runs the engine's `track` pass, measures light and sharpness
 * of the face region and judges the frame; calls `onTick` and starts the
 * next frame at once (one frame in flight at a time, so a slow machine
 * lowers the rate instead of queueing). Returns `stop()`; after it no
 * further tick is reported. An engine error stops the loop and is reported
 * through `onError`.
 */
export function startFaceGuidance(video: HTMLVideoElement, engine: FaceEngine, onTick: (tick: GuidanceTick) => void, onError: (error: unknown) => void): () => void {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  let stopped = false;
  const step = async () => {
    if (stopped) return;
    if (!context || video.videoWidth === 0) {
      setTimeout(() => void step(), 50);
      return;
    }
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    try {
      const t0 = performance.now();
      const frame = await engine.detect(canvas, 'track');
      const detectMs = performance.now() - t0;
      if (stopped) return;
      const face = frame.faces.length === 1 ? frame.faces[0] : undefined;
      const stats = face ? faceRegionStats(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height, face.box) : null;
      onTick({ frame, quality: judgeFaceQuality(frame, stats), detectMs });
    } catch (e) {
      stopped = true;
      onError(e);
      return;
    }
    setTimeout(() => void step(), 0);
  };
  void step();
  return () => {
    stopped = true;
  };
}
