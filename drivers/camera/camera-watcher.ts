import { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../../common/contract/schemas';
import type { CameraInfo, CameraLister } from './v4l2-cameras';

/** Default time between two looks at the camera list, ms. */
export const CAMERA_POLL_MS = 2000;

/** Options of {@link watchCamera}. */
export interface CameraWatchOptions {
  /** Device name in the registry, e.g. `camera`. */
  name: string;
  /** Lists the cameras present (the V4L2 lister, or a simulator's). */
  list: CameraLister;
  /** The camera to use, by a part of its label (case-insensitive); null: the first one listed. */
  label: string | null;
  simulated: boolean;
  /** Default {@link CAMERA_POLL_MS}. */
  pollMs?: number;
}

/** The camera as a device: its status in the uniform model, kept current by polling the list. */
export interface CameraWatcher {
  readonly status: DeviceStatus;
  /** The camera in use now, or null. */
  readonly camera: CameraInfo | null;
  on(event: 'status', listener: (status: DeviceStatus) => void): this;
  /** Looks at the list now (also what each poll does); resolves with the new status. */
  refresh(): Promise<DeviceStatus>;
  close(): void;
}

/**
 * Watches for the configured camera: `online` while it is listed,
 * `noDevice` when it is not (never plugged, or unplugged), `hardwareError`
 * when the list cannot be read. The camera itself is opened by the renderer
 * (Chromium owns the stream); this is what the flows and the technician see.
 * Never throws; statuses carry no personal data.
 */
export function watchCamera(options: CameraWatchOptions): CameraWatcher {
  const events = new EventEmitter();
  const wanted = options.label?.toLowerCase() ?? null;
  let camera: CameraInfo | null = null;
  let status: DeviceStatus = { device: 'camera', name: options.name, state: 'noDevice', simulated: options.simulated, error: 'not looked for yet', updatedAt: new Date().toISOString() };
  let closed = false;
  const set = (state: DeviceStatus['state'], error: string | null) => {
    if (state === status.state && error === status.error) return;
    status = { ...status, state, error, updatedAt: new Date().toISOString() };
    events.emit('status', status);
  };
  const refresh = async () => {
    try {
      const found = (await options.list()).find((c) => wanted === null || c.label.toLowerCase().includes(wanted)) ?? null;
      if (closed) return status;
      camera = found;
      if (found) set('online', null);
      else set('noDevice', wanted === null ? 'no camera' : `no camera labelled ${JSON.stringify(options.label)}`.slice(0, 200));
    } catch (e) {
      if (!closed) {
        camera = null;
        set('hardwareError', `camera list unreadable: ${(e as Error).message}`.slice(0, 200));
      }
    }
    return status;
  };
  const timer = setInterval(() => void refresh(), options.pollMs ?? CAMERA_POLL_MS);
  timer.unref();
  void refresh();
  const watcher: CameraWatcher = {
    get status() {
      return status;
    },
    get camera() {
      return camera;
    },
    on(event, listener) {
      events.on(event, listener);
      return watcher;
    },
    refresh,
    close() {
      closed = true;
      clearInterval(timer);
      events.removeAllListeners();
    },
  };
  return watcher;
}
