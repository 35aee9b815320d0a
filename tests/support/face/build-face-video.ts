/**
 * Builds the camera tests' `.y4m` videos from the Debian photographs, in a
 * process of its own (the engine it uses to find the face replaces `fetch`
 * for the whole process, which a Playwright worker must keep).
 *
 *   npx tsx tests/support/face/build-face-video.ts <scene> <out.y4m>
 *
 * Scenes: `frontal` (the astronaut's face, 280 px, in the middle of the oval).
 */
import { join } from 'node:path';
import { FACE_ENGINE_DIR } from '../../../renderer/src/media/face/face-engine-config';
import { debianFaceImages, FACE_FIXTURE_DIR } from './debian-face-images';
import { loadFacePhoto, renderScene } from './face-scenes';
import { loadNodeFaceEngine } from './node-face-engine';
import { writeY4m, type RgbaFrame } from './y4m';

/** Frames per video (one second at 15 fps; Chromium loops the file). */
const FRAMES = 15;

const SCENES: Record<string, () => Promise<RgbaFrame>> = {
  async frontal() {
    const engine = await loadNodeFaceEngine(join(FACE_FIXTURE_DIR, FACE_ENGINE_DIR));
    return renderScene([{ photo: await loadFacePhoto(debianFaceImages().astronaut, engine), faceSide: 280 }]);
  },
};

const [scene, out] = process.argv.slice(2);
const build = scene ? SCENES[scene] : undefined;
if (!build || !out) {
  console.error(`usage: build-face-video.ts <${Object.keys(SCENES).join('|')}> <out.y4m>`);
  process.exit(2);
}
const frame = await build();
writeY4m(out, Array.from({ length: FRAMES }, () => frame), 15);
