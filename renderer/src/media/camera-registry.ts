/**
 * Every camera stream the renderer opens is registered here so that session
 * end (done, cancelled, idle) can release the camera in one call. Face
 * verification (a later issue) registers its preview stream.
 */
interface StoppableStream {
  getTracks(): { stop(): void }[];
}

const streams = new Set<StoppableStream>();

/** Registers an open stream; returns a function that stops and unregisters it. */
export function registerCameraStream(stream: StoppableStream): () => void {
  streams.add(stream);
  return () => {
    stream.getTracks().forEach((t) => t.stop());
    streams.delete(stream);
  };
}

/** Stops every registered stream. Safe to call when none is open. */
export function stopAllCameraStreams(): void {
  for (const stream of streams) stream.getTracks().forEach((t) => t.stop());
  streams.clear();
}

/** Number of open streams (for tests and diagnostics). */
export function openCameraStreamCount(): number {
  return streams.size;
}
