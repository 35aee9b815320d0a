import { loadavg } from 'node:os';
import { join } from 'node:path';
import { FACE_ENGINE_DIR } from '../renderer/src/media/face/face-engine-config';
import { faceRegionStats } from '../renderer/src/media/face/face-region-stats';
import { judgeFaceQuality } from '../renderer/src/media/face/face-quality';
import { debianFaceImages, FACE_FIXTURE_DIR } from '../tests/support/face/debian-face-images';
import { loadFacePhoto, renderScene } from '../tests/support/face/face-scenes';
import { loadNodeFaceEngine } from '../tests/support/face/node-face-engine';

/**
 * The face loop at 640×480 on one thread: the engine's Node build on the
 * same WebAssembly backend, models and configuration as the renderer (no
 * threads: the hosts are not cross-origin isolated). `track` (detector +
 * mesh + iris + the gates) is what the guidance and challenge loop runs on
 * every frame (goal ≥ 10 fps); `evidence` adds the descriptor and both
 * anti-spoofing models, run on the few frames kept; its ratio to `track`,
 * measured in the same run, holds across machines and loads where the
 * absolute figures do not (the load average is printed beside them).
 */
const FRAMES = 20;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load0 = loadavg()[0]!;
const engine = await loadNodeFaceEngine(join(FACE_FIXTURE_DIR, FACE_ENGINE_DIR));
const frame = renderScene([{ photo: await loadFacePhoto(debianFaceImages().astronaut, engine), faceSide: 280 }]);

async function timed(run: () => Promise<unknown>): Promise<number[]> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < FRAMES; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return times;
}

const track = await timed(async () => {
  const result = await engine.detect(frame, 'track');
  const face = result.faces[0];
  judgeFaceQuality(result, face ? faceRegionStats(frame.data, frame.width, frame.height, face.box) : null);
});
const evidence = await timed(() => engine.detect(frame, 'evidence'));
const trackMs = median(track);
const evidenceMs = median(evidence);
const fmt = (n: number) => n.toFixed(1);
console.log(`face-engine-load: ${fmt(engine.loadMs)} ms (goal: informational, WASM + 6 models from local files)`);
console.log(`face-loop-track-640x480: ${fmt(trackMs)} ms/frame = ${fmt(1000 / trackMs)} fps (goal: >= 10 fps, detector + mesh + iris + gates, 1 thread)`);
console.log(`face-loop-evidence-640x480: ${fmt(evidenceMs)} ms/frame (goal: informational, + descriptor + antispoof + liveness)`);
console.log(`face-loop-evidence-over-track: ${fmt(evidenceMs / trackMs)}x (goal: informational, same run)`);
console.log(`face-loop-load-average: ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} (2 cores shared)`);
