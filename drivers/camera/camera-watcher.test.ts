import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../common/contract/schemas';
import { watchCamera, type CameraWatcher } from './camera-watcher';
import { CameraSimulator, SIM_CAMERA_LABEL } from './sim/camera-simulator';
import { v4l2CameraLister } from './v4l2-cameras';

const dirs: string[] = [];
const watchers: CameraWatcher[] = [];
afterEach(() => {
  watchers.splice(0).forEach((w) => w.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** A folder laid out like /sys/class/video4linux. */
function sysfs(): { root: string; plug(node: string, name: string, index?: number): void; unplug(node: string): void } {
  const root = mkdtempSync(join(tmpdir(), 'v4l2-'));
  dirs.push(root);
  return {
    root,
    plug(node, name, index = 0) {
      mkdirSync(join(root, node));
      writeFileSync(join(root, node, 'name'), `${name}\n`);
      writeFileSync(join(root, node, 'index'), `${index}\n`);
    },
    unplug: (node) => rmSync(join(root, node), { recursive: true }),
  };
}

function watch(options: Parameters<typeof watchCamera>[0]): CameraWatcher {
  const w = watchCamera({ pollMs: 60_000, ...options });
  watchers.push(w);
  return w;
}

describe('v4l2CameraLister', () => {
  it('lists capture nodes with their names, not the metadata nodes of the same camera', async () => {
    const fs = sysfs();
    fs.plug('video0', 'HD Pro Webcam C920', 0);
    fs.plug('video1', 'HD Pro Webcam C920', 1);
    fs.plug('video2', 'Doc Camera S500', 0);
    expect(await v4l2CameraLister(fs.root)()).toEqual([
      { node: 'video0', label: 'HD Pro Webcam C920' },
      { node: 'video2', label: 'Doc Camera S500' },
    ]);
  });

  it('lists none where the folder does not exist, and rejects when it cannot be read', async () => {
    expect(await v4l2CameraLister('/nonexistent/video4linux')()).toEqual([]);
    const fs = sysfs();
    writeFileSync(join(fs.root, 'file'), '');
    await expect(v4l2CameraLister(join(fs.root, 'file'))()).rejects.toThrow(/ENOTDIR/);
  });
});

describe('watchCamera', () => {
  it('goes online when the camera is plugged, noDevice when unplugged, and publishes each change once', async () => {
    const fs = sysfs();
    const seen: DeviceStatus['state'][] = [];
    const w = watch({ name: 'camera', list: v4l2CameraLister(fs.root), label: null, simulated: false });
    w.on('status', (s) => seen.push(s.state));
    expect((await w.refresh()).state).toBe('noDevice');
    fs.plug('video0', 'USB Camera');
    expect(await w.refresh()).toMatchObject({ device: 'camera', name: 'camera', state: 'online', error: null, simulated: false });
    expect(w.camera).toEqual({ node: 'video0', label: 'USB Camera' });
    await w.refresh();
    fs.unplug('video0');
    expect(await w.refresh()).toMatchObject({ state: 'noDevice', error: 'no camera' });
    expect(seen).toEqual(['noDevice', 'online', 'noDevice']);
  });

  it('uses only the camera whose label contains the configured text', async () => {
    const fs = sysfs();
    fs.plug('video0', 'Doc Camera S500');
    const w = watch({ name: 'face-camera', list: v4l2CameraLister(fs.root), label: 'webcam', simulated: false });
    expect(await w.refresh()).toMatchObject({ state: 'noDevice', error: 'no camera labelled "webcam"' });
    fs.plug('video2', 'HD Pro Webcam C920');
    expect((await w.refresh()).state).toBe('online');
    expect(w.camera?.node).toBe('video2');
  });

  it('reports hardwareError when the list cannot be read, and recovers', async () => {
    const sim = new CameraSimulator();
    const w = watch({ name: 'camera', list: sim.list, label: null, simulated: true });
    expect((await w.refresh()).state).toBe('online');
    sim.setFault('I/O error');
    expect(await w.refresh()).toMatchObject({ state: 'hardwareError', error: 'camera list unreadable: I/O error' });
    expect(w.camera).toBeNull();
    sim.setFault(null);
    expect((await w.refresh()).state).toBe('online');
  });

  it('polls by itself', async () => {
    const sim = new CameraSimulator(false);
    const w = watch({ name: 'camera', list: sim.list, label: null, simulated: true, pollMs: 20 });
    const online = new Promise<DeviceStatus>((resolve) => w.on('status', (s) => s.state === 'online' && resolve(s)));
    sim.plug();
    expect((await online).simulated).toBe(true);
    expect(w.camera?.label).toBe(SIM_CAMERA_LABEL);
  });
});
