import type { KioskApi } from '../../../common/contract/kiosk-contract';
import type { Connectivity, DeviceStatus, SessionView, SystemInfo } from '../../../common/contract/schemas';

/** What the flow needs before the attract screen: each part null (or empty) when its service failed. */
export interface BootResult {
  system: SystemInfo | null;
  devices: DeviceStatus[];
  connectivity: Connectivity | null;
  session: SessionView | null;
}

/** Settles to null instead of rejecting: start-up must reach the attract screen even when a service fails. */
export async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch {
    return null;
  }
}

/**
 * The four start-up calls (system info, devices, connectivity, the current
 * session), in parallel; never rejects. Then, fire-and-forget,
 * `system.rendererReady`: main holds its events until it arrives and then
 * flushes them (main/electron/ipc.ts), so attract need not wait a second
 * round trip. Sent after the four answers, so the held events come after the
 * state they change. The page entry starts this before the app's code has
 * even loaded, so the answers travel while React and the flow are parsed.
 */
export async function loadBoot(api: KioskApi): Promise<BootResult> {
  const [system, devices, connectivity, session] = await Promise.all([
    orNull(api.system.info({})),
    orNull(api.devices.list({})),
    orNull(api.connectivity.status({})),
    orNull(api.session.current({})),
  ]);
  void orNull(api.system.rendererReady({}));
  return { system, devices: devices ?? [], connectivity, session };
}
