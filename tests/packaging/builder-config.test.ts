import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../tooling/repo-root';

const load = (createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown }).load;

interface TargetEntry {
  target: string;
  arch: string[];
}
const config = load(readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as {
  afterPack?: string;
  asar?: boolean;
  linux: { target: TargetEntry[]; executableName?: string };
  win: { target: TargetEntry[] };
  nsis: { perMachine?: boolean; oneClick?: boolean };
};

describe('electron-builder.yml', () => {
  it('builds Linux as the unpacked dir for x64 and arm64 (UOS / Kylin); the .deb comes from electron-installer-debian', () => {
    expect(config.linux.target).toEqual([{ target: 'dir', arch: ['x64', 'arm64'] }]);
    expect(config.linux.executableName).toBe('gov-kiosk');
  });

  it('builds Windows as a per-machine NSIS installer for x64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false });
  });

  it('packs into an asar and flips the fuses in the afterPack hook, whatever starts electron-builder', () => {
    expect(config.asar).toBe(true);
    expect(config.afterPack).toBe('./scripts/packaging/after-pack.mjs');
    expect(readFileSync(join(REPO_ROOT, config.afterPack ?? ''), 'utf8')).toContain('export default async function afterPack');
  });
});
