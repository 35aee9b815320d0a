import { registerCameraStream } from '../camera-registry';

/** Frame size the face loop asks the camera for (the engine's figures are measured at it). */
export const FACE_CAMERA_SIZE = { width: 640, height: 480 } as const;

/**
 * Opens the camera into `video` at 640×480 and registers the stream with the
 * camera registry, so that session end (done, cancelled, idle wipe) stops it
 * even when the screen forgets to. Resolves with the function that stops it
 * (idempotent); rejects with the browser's error (`NotAllowedError`,
 * `NotFoundError`, `NotReadableError`...) when there is no usable camera.
 */
export async function openFaceCamera(video: HTMLVideoElement): Promise<() => void> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: { width: { ideal: FACE_CAMERA_SIZE.width }, height: { ideal: FACE_CAMERA_SIZE.height }, facingMode: 'user' } });
  const release = registerCameraStream(stream);
  let released = false;
  const stop = () => {
    if (released) return;
    released = true;
    video.srcObject = null;
    release();
  };
  try {
    video.srcObject = stream;
    await video.play();
  } catch (e) {
    stop();
    throw e;
  }
  return stop;
}
