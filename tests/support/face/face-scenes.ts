import { readFileSync } from 'node:fs';
import { createCanvas, loadImage, type Image } from '@napi-rs/canvas';
import type { FaceBox } from '../../../renderer/src/media/face/face-frame';
import type { NodeFaceEngine } from './node-face-engine';
import type { RgbaFrame } from './y4m';

/** Camera frame size of the tests and the bench: 640×480 (VGA), the face loop's stated working size. */
export const SCENE_WIDTH = 640;
export const SCENE_HEIGHT = 480;

/** A photograph and where the engine found its face (source pixels). */
export interface FacePhoto {
  image: Image;
  face: FaceBox;
}

/** Draws `image` letterboxed into a frame of the scene size; returns the frame and the scale and offset used. */
function letterbox(image: Image): { frame: RgbaFrame; scale: number; dx: number; dy: number } {
  const canvas = createCanvas(SCENE_WIDTH, SCENE_HEIGHT);
  const g = canvas.getContext('2d');
  const scale = Math.min(SCENE_WIDTH / image.width, SCENE_HEIGHT / image.height);
  const dx = (SCENE_WIDTH - image.width * scale) / 2;
  const dy = (SCENE_HEIGHT - image.height * scale) / 2;
  g.fillStyle = '#808080';
  g.fillRect(0, 0, SCENE_WIDTH, SCENE_HEIGHT);
  g.drawImage(image, dx, dy, image.width * scale, image.height * scale);
  const data = g.getImageData(0, 0, SCENE_WIDTH, SCENE_HEIGHT).data;
  return { frame: { width: SCENE_WIDTH, height: SCENE_HEIGHT, data }, scale, dx, dy };
}

/**
 * Loads a photograph and finds its one face with the engine (on the photo
 * letterboxed into a frame), so scenes can place that face at a stated size
 * and position without any coordinates written into the tests. Throws when
 * the engine does not find exactly one face.
 */
export async function loadFacePhoto(path: string, engine: NodeFaceEngine): Promise<FacePhoto> {
  const image = await loadImage(readFileSync(path));
  const { frame, scale, dx, dy } = letterbox(image);
  const found = await engine.detect(frame, 'track');
  if (found.faces.length !== 1) throw new Error(`${path}: ${found.faces.length} faces`);
  const b = found.faces[0]!.box;
  return { image, face: { x: (b.x - dx) / scale, y: (b.y - dy) / scale, width: b.width / scale, height: b.height / scale } };
}

/** Loads any image letterboxed into a scene frame (for pictures without a face). */
export async function letterboxedFrame(path: string): Promise<RgbaFrame> {
  return letterbox(await loadImage(readFileSync(path))).frame;
}

/** Where and how one photo appears in a scene. */
export interface Placement {
  photo: FacePhoto;
  /** Side of the face box in the frame, px. */
  faceSide: number;
  /** Centre of the face box in the frame, px; default the frame's centre. */
  centre?: [number, number];
}

/** How the whole frame is degraded after drawing. */
export interface SceneOptions {
  /** Multiplies every channel (0.2: a dark room); default 1. */
  brightness?: number;
  /** Box-blur by drawing at 1/`blurFactor` size and scaling back up (8: out of focus); default none. */
  blurFactor?: number;
}

/** Renders a 640×480 frame with the placed photos over a grey background. */
export function renderScene(placements: readonly Placement[], options: SceneOptions = {}): RgbaFrame {
  const canvas = createCanvas(SCENE_WIDTH, SCENE_HEIGHT);
  const g = canvas.getContext('2d');
  g.fillStyle = '#808080';
  g.fillRect(0, 0, SCENE_WIDTH, SCENE_HEIGHT);
  for (const { photo, faceSide, centre } of placements) {
    const [cx, cy] = centre ?? [SCENE_WIDTH / 2, SCENE_HEIGHT / 2];
    const s = faceSide / photo.face.width;
    const fx = (photo.face.x + photo.face.width / 2) * s;
    const fy = (photo.face.y + photo.face.height / 2) * s;
    g.drawImage(photo.image, cx - fx, cy - fy, photo.image.width * s, photo.image.height * s);
  }
  let out = canvas;
  if (options.blurFactor && options.blurFactor > 1) {
    const small = createCanvas(Math.round(SCENE_WIDTH / options.blurFactor), Math.round(SCENE_HEIGHT / options.blurFactor));
    small.getContext('2d').drawImage(canvas, 0, 0, small.width, small.height);
    out = createCanvas(SCENE_WIDTH, SCENE_HEIGHT);
    const og = out.getContext('2d');
    og.imageSmoothingEnabled = true;
    og.drawImage(small, 0, 0, SCENE_WIDTH, SCENE_HEIGHT);
  }
  const data = out.getContext('2d').getImageData(0, 0, SCENE_WIDTH, SCENE_HEIGHT).data;
  const k = options.brightness ?? 1;
  if (k !== 1) for (let i = 0; i < data.length; i += 4) for (let c = 0; c < 3; c++) data[i + c] = Math.min(255, Math.round(data[i + c]! * k));
  return { width: SCENE_WIDTH, height: SCENE_HEIGHT, data };
}
