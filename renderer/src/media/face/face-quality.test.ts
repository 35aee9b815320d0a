import { describe, expect, it } from 'vitest';
import type { FaceFrame, FaceObservation } from './face-frame';
import { FACE_QUALITY_LIMITS, judgeFaceQuality } from './face-quality';
import type { FaceRegionStats } from './face-region-stats';

/** A well-framed face in a 640×480 frame; each test changes one thing. */
function face(change: Partial<FaceObservation> = {}): FaceObservation {
  return {
    box: { x: 200, y: 100, width: 240, height: 260 },
    boxScore: 0.9,
    faceScore: 1,
    meshPoints: 478,
    facing: 'center',
    head: null,
    eyesClosed: { left: false, right: false },
    mouthOpenPercent: 0,
    angles: { yaw: 0, pitch: 0, roll: 0 },
    embedding: null,
    real: null,
    live: null,
    ...change,
  };
}
const frame = (...faces: FaceObservation[]): FaceFrame => ({ width: 640, height: 480, faces });
const GOOD_LIGHT: FaceRegionStats = { meanLuma: 130, darkClipped: 0, brightClipped: 0, sharpness: 800 };

describe('judgeFaceQuality', () => {
  it('passes a well-framed, well-lit, sharp frontal face', () => {
    expect(judgeFaceQuality(frame(face()), GOOD_LIGHT)).toEqual({ face: face(), problems: [] });
  });

  it('judges nothing else when there is no face or more than one', () => {
    expect(judgeFaceQuality(frame(), GOOD_LIGHT).problems).toEqual(['noFace']);
    expect(judgeFaceQuality(frame(face(), face({ box: { x: 0, y: 0, width: 100, height: 100 } })), GOOD_LIGHT)).toEqual({ face: null, problems: ['manyFaces'] });
  });

  it.each([
    ['a face box under 224 px', { box: { x: 250, y: 150, width: 140, height: 150 } }, ['tooFar']],
    ['a face larger than the oval', { box: { x: 100, y: 10, width: 420, height: 460 } }, ['tooClose']],
    ['a face off the oval', { box: { x: 20, y: 100, width: 240, height: 260 } }, ['notCentred']],
    ['a face turned to its left', { facing: 'left' }, ['turned']],
    ['a face turned to its right', { facing: 'right' }, ['turned']],
    ['a head tipped down', { head: 'down' }, ['tilted']],
    ['a weak detection', { boxScore: FACE_QUALITY_LIMITS.minConfidence - 0.01 }, ['notClear']],
    ['a failed mesh', { facing: null, faceScore: 0.2 }, ['notClear']],
  ] as const)('reports %s', (_what, change, problems) => {
    expect(judgeFaceQuality(frame(face(change as Partial<FaceObservation>)), GOOD_LIGHT).problems).toEqual(problems);
  });

  it.each([
    ['dark', { meanLuma: 40 }, ['tooDark']],
    ['crushed shadows', { darkClipped: 0.2 }, ['tooDark']],
    ['bright', { meanLuma: 230 }, ['tooBright']],
    ['blown highlights', { brightClipped: 0.3 }, ['tooBright']],
    ['out of focus', { sharpness: 40 }, ['blurry']],
  ] as const)('reports a %s face region', (_what, change, problems) => {
    expect(judgeFaceQuality(frame(face()), { ...GOOD_LIGHT, ...change }).problems).toEqual(problems);
  });

  it('lists several problems in the fixed order', () => {
    expect(judgeFaceQuality(frame(face({ facing: 'left', head: 'up', box: { x: 10, y: 10, width: 150, height: 150 } })), { ...GOOD_LIGHT, meanLuma: 20, sharpness: 5 }).problems).toEqual([
      'tooFar',
      'notCentred',
      'turned',
      'tilted',
      'tooDark',
      'blurry',
    ]);
  });
});
