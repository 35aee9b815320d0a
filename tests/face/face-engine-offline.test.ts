import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { faceRegionStats } from '../../renderer/src/media/face/face-region-stats';
import { FACE_QUALITY_LIMITS, judgeFaceQuality, type FaceProblem } from '../../renderer/src/media/face/face-quality';
import type { FaceFrame } from '../../renderer/src/media/face/face-frame';
import { FACE_ENGINE_DIR } from '../../renderer/src/media/face/face-engine-config';
import { debianFaceImages, FACE_FIXTURE_DIR } from '../support/face/debian-face-images';
import { loadNodeFaceEngine, type NodeFaceEngine } from '../support/face/node-face-engine';
import { letterboxedFrame, loadFacePhoto, renderScene, type FacePhoto } from '../support/face/face-scenes';
import type { RgbaFrame } from '../support/face/y4m';

/**
 * The real engine (its Node WASM build, the renderer's own configuration and
 * file layout) on frames composed from real photographs that Debian ships:
 * offline loading, what it finds, and the quality gates on its real output.
 * Similarity limit: 0.5, the engine's faceid demo (`threshold: 0.5`, with
 * its `faceres` match options).
 */
const SAME_PERSON_MIN_SIMILARITY = 0.5;

let engine: NodeFaceEngine;
let astronaut: FacePhoto;
let einstein: FacePhoto;
let cat: RgbaFrame;

beforeAll(async () => {
  const images = debianFaceImages();
  engine = await loadNodeFaceEngine(join(FACE_FIXTURE_DIR, FACE_ENGINE_DIR));
  astronaut = await loadFacePhoto(images.astronaut, engine);
  einstein = await loadFacePhoto(images.einstein, engine);
  cat = await letterboxedFrame(images.cat);
}, 240_000);

/** Runs the evidence pass and the gates on one frame. */
async function judge(frame: RgbaFrame): Promise<{ result: FaceFrame; problems: FaceProblem[] }> {
  const result = await engine.detect(frame, 'evidence');
  const face = result.faces.length === 1 ? result.faces[0] : undefined;
  const stats = face ? faceRegionStats(frame.data, frame.width, frame.height, face.box) : null;
  return { result, problems: judgeFaceQuality(result, stats).problems };
}

describe('face engine offline on real frames', () => {
  it('loads every model and binary from local files only, with the network refused', () => {
    // The models come through fetch (json + bin each); Node's WASM backend reads its binary from wasmPath with fs.
    expect(engine.requested).toHaveLength(12);
    expect(engine.requested.filter((u) => !u.startsWith('file:'))).toEqual([]);
    for (const part of ['blazeface', 'facemesh', 'iris', 'faceres', 'antispoof', 'liveness']) expect(engine.requested.some((u) => u.endsWith(`/face-engine/models/${part}.bin`)), part).toBe(true);
  });

  it('finds one frontal face with the full mesh, a 1024-value descriptor and both anti-spoofing scores', async () => {
    const { result, problems } = await judge(renderScene([{ photo: astronaut, faceSide: 280 }]));
    expect(result.faces).toHaveLength(1);
    const face = result.faces[0]!;
    expect(face.meshPoints).toBe(478);
    expect(face.embedding).toHaveLength(1024);
    expect(face.real).toBeGreaterThanOrEqual(0);
    expect(face.live).toBeGreaterThanOrEqual(0);
    expect(face.facing).toBe('center');
    expect(problems).toEqual([]);
  }, 60_000);

  it('tells the same person from another by descriptor similarity', async () => {
    const near = (await judge(renderScene([{ photo: astronaut, faceSide: 280 }]))).result.faces[0]!.embedding!;
    const small = (await judge(renderScene([{ photo: astronaut, faceSide: 230, centre: [300, 250] }], { brightness: 0.8 }))).result.faces[0]!.embedding!;
    const other = (await judge(renderScene([{ photo: einstein, faceSide: 280 }]))).result.faces[0]!.embedding!;
    expect(engine.similarity(near, small)).toBeGreaterThan(SAME_PERSON_MIN_SIMILARITY);
    expect(engine.similarity(near, other)).toBeLessThan(SAME_PERSON_MIN_SIMILARITY);
  }, 60_000);

  it.each([
    ['a cat', () => cat, ['noFace']],
    ['two people', () => renderScene([{ photo: astronaut, faceSide: 200, centre: [170, 240] }, { photo: einstein, faceSide: 200, centre: [470, 240] }]), ['manyFaces']],
    ['a face far away', () => renderScene([{ photo: astronaut, faceSide: 120 }]), ['tooFar']],
    ['a face off to the side', () => renderScene([{ photo: astronaut, faceSide: 240, centre: [150, 240] }]), ['notCentred']],
    ['another person, well framed', () => renderScene([{ photo: einstein, faceSide: 280 }]), []],
  ] as const)('judges %s: %j', async (_name, frame, expected) => {
    expect((await judge(frame())).problems).toEqual(expected);
  }, 60_000);

  it('reports a dark room as too dark', async () => {
    const { problems } = await judge(renderScene([{ photo: astronaut, faceSide: 280 }], { brightness: 0.2 }));
    expect(problems).toContain('tooDark');
  }, 60_000);

  it('reports an out-of-focus frame as blurry, not as a light problem', async () => {
    const frame = renderScene([{ photo: astronaut, faceSide: 280 }], { blurFactor: 12 });
    const { result, problems } = await judge(frame);
    expect(problems).toContain('blurry');
    expect(problems).not.toContain('tooDark');
    expect(problems).not.toContain('tooBright');
    const stats = faceRegionStats(frame.data, frame.width, frame.height, result.faces[0]!.box);
    expect(stats.sharpness).toBeLessThan(FACE_QUALITY_LIMITS.minSharpness);
  }, 60_000);
});
