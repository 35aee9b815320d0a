import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../common/contract/schemas';
import { startCoreHarness, type CoreHarness } from './support/core-harness';

/**
 * The camera in the uniform device model: configured as the simulator, it is
 * listed and published like every other device, and its plug and unplug
 * (the simulator's seam) change its state; without a camera configured the
 * kiosk has none.
 */
describe('the camera as a device', () => {
  let h: CoreHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  const camera = async (harness: CoreHarness) => (await harness.ok<DeviceStatus[]>('devices:list')).find((d) => d.device === 'camera');

  it('is absent when the site has no camera (the default)', async () => {
    h = await startCoreHarness();
    expect(await camera(h)).toBeUndefined();
    expect(h.core.devices.camera()).toBeNull();
  });

  it('is online when plugged, noDevice when unplugged, each change published as devices:onStatusChanged', async () => {
    h = await startCoreHarness({ devices: { camera: { mode: 'sim' } } });
    await h.core.devices.camera()!.refresh();
    expect(await camera(h)).toMatchObject({ device: 'camera', name: 'camera', state: 'online', simulated: true, error: null });
    h.core.simulators.camera!.unplug();
    await h.core.devices.camera()!.refresh();
    expect(await camera(h)).toMatchObject({ state: 'noDevice', error: 'no camera' });
    h.core.simulators.camera!.plug();
    await h.core.devices.camera()!.refresh();
    const published = h.log.of<DeviceStatus>('devices:onStatusChanged').filter((s) => s.device === 'camera').map((s) => s.state);
    expect(published.slice(-2)).toEqual(['noDevice', 'online']);
  });
});
