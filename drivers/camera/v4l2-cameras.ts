import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One video capture device the operating system lists. */
export interface CameraInfo {
  /** Kernel node name, e.g. `video0` (`/dev/video0`). */
  node: string;
  /** The device's name as the driver reports it (what Chromium shows as the track label, before its USB ids). */
  label: string;
}

/** Lists the cameras present now; rejects when the list itself cannot be read. */
export type CameraLister = () => Promise<CameraInfo[]>;

/** Where Linux lists V4L2 devices. */
export const V4L2_SYSFS = '/sys/class/video4linux';

/**
 * Lists V4L2 capture nodes from sysfs (`<root>/videoN/name`, `index`): a
 * UVC camera shows up as two nodes, capture (`index` 0) and metadata
 * (`index` 1); only the capture node is a camera. A missing `<root>` (no
 * V4L2 device ever, or not Linux) lists none. `root` is the seam the tests
 * use: a folder laid out like sysfs.
 */
export function v4l2CameraLister(root = V4L2_SYSFS): CameraLister {
  return async () => {
    let entries: string[];
    try {
      entries = await readdir(root);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const cameras: CameraInfo[] = [];
    for (const node of entries.filter((n) => /^video\d+$/.test(n)).sort()) {
      const read = (file: string) => readFile(join(root, node, file), 'utf8').then((s) => s.trim(), () => null);
      const [label, index] = await Promise.all([read('name'), read('index')]);
      if (label === null || (index !== null && index !== '0')) continue;
      cameras.push({ node, label });
    }
    return cameras;
  };
}
