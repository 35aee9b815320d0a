import type { CameraInfo, CameraLister } from '../v4l2-cameras';

/** Label of the simulated camera (Chromium's fake capture device calls itself `fake_device_0`). */
export const SIM_CAMERA_LABEL = 'Simulated camera';

/**
 * The camera's plug and unplug for the demo and the tests: what the core's
 * camera watcher lists. Chromium's fake camera plays one file per launch and
 * cannot be unplugged; this is the seam that says a camera came or went.
 */
export class CameraSimulator {
  private cameras: CameraInfo[];
  private fault: string | null = null;

  /** Starts with one camera plugged, unless `plugged` is false. */
  constructor(plugged = true) {
    this.cameras = plugged ? [{ node: 'video0', label: SIM_CAMERA_LABEL }] : [];
  }

  /** Plugs a camera (default label {@link SIM_CAMERA_LABEL}); a second plug of the same label is a no-op. */
  plug(label = SIM_CAMERA_LABEL): void {
    if (!this.cameras.some((c) => c.label === label)) this.cameras.push({ node: `video${this.cameras.length * 2}`, label });
  }

  /** Unplugs every camera. */
  unplug(): void {
    this.cameras = [];
  }

  /** Makes the list unreadable with `reason` (hardware error), or clears that with null. */
  setFault(reason: string | null): void {
    this.fault = reason;
  }

  /** True while at least one camera is plugged. */
  get plugged(): boolean {
    return this.cameras.length > 0;
  }

  /** The lister the camera watcher polls. */
  readonly list: CameraLister = async () => {
    if (this.fault) throw new Error(this.fault);
    return this.cameras.map((c) => ({ ...c }));
  };
}
