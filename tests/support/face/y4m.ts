import { closeSync, openSync, writeSync } from 'node:fs';

/** One RGBA frame (4 bytes a pixel, row-major, as canvas `ImageData` holds it). */
export interface RgbaFrame {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/**
 * Writes frames as a YUV4MPEG2 file (4:2:0, BT.601 video range: Y 16–235,
 * Cb/Cr 16–240, as cameras deliver it and as Chromium's
 * `--use-file-for-fake-video-capture` reads it; full-range values would
 * come out with crushed shadows and blown highlights).
 * Every frame must have the even width and height of the first. Written
 * here because the format is one text header and three planes a frame, and
 * the machine has no ffmpeg.
 */
export function writeY4m(path: string, frames: readonly RgbaFrame[], fps = 15): void {
  const first = frames[0];
  if (!first) throw new Error('no frames');
  const { width, height } = first;
  if (width % 2 || height % 2) throw new Error('y4m 4:2:0 needs an even width and height');
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
    for (const frame of frames) {
      if (frame.width !== width || frame.height !== height) throw new Error('all frames must have one size');
      writeSync(fd, 'FRAME\n');
      writeSync(fd, rgbaToI420(frame));
    }
  } finally {
    closeSync(fd);
  }
}

/** BT.601 video-range I420 planes (Y, then U and V averaged over 2×2). */
export function rgbaToI420({ width, height, data }: RgbaFrame): Uint8Array {
  const out = new Uint8Array((width * height * 3) / 2);
  const cw = width / 2;
  const uBase = width * height;
  const vBase = uBase + cw * (height / 2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const k = (y * width + x) * 4;
      out[y * width + x] = clamp(16 + (219 / 255) * (0.299 * data[k]! + 0.587 * data[k + 1]! + 0.114 * data[k + 2]!));
    }
  }
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const k = ((y + dy) * width + x + dx) * 4;
        r += data[k]!;
        g += data[k + 1]!;
        b += data[k + 2]!;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      const i = (y / 2) * cw + x / 2;
      out[uBase + i] = clamp(128 + (224 / 255) * (-0.168736 * r - 0.331264 * g + 0.5 * b));
      out[vBase + i] = clamp(128 + (224 / 255) * (0.5 * r - 0.418688 * g - 0.081312 * b));
    }
  }
  return out;
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}
