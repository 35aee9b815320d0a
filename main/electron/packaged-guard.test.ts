import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReportedStartupFailure } from '../core/startup-failure';
import { findDevOverrides, packagedConfigPath, refuseDevOverrides, refuseUserWritableConfig } from './packaged-guard';

const none = { env: {}, argv: ['/opt/kiosk/kiosk'], execArgv: [] };

describe('development overrides', () => {
  it('finds every override in env, argv, execArgv and NODE_OPTIONS, and nothing in a clean launch', () => {
    expect(findDevOverrides(none)).toEqual([]);
    expect(findDevOverrides({ env: { KIOSK_CONFIG: '', KIOSK_DATA_DIR: '/x' }, argv: ['k', '--remote-debugging-port=9222'], execArgv: ['--inspect-brk'] })).toEqual(['KIOSK_CONFIG', 'KIOSK_DATA_DIR', '--inspect-brk', '--remote-debugging-port']);
    expect(findDevOverrides({ env: { NODE_OPTIONS: '--max-old-space-size=512 --inspect=0.0.0.0:9229' }, argv: [], execArgv: [] })).toEqual(['--inspect']);
    expect(findDevOverrides({ env: {}, argv: ['k', '--inspector-is-not-a-switch'], execArgv: [] })).toEqual([]);
  });

  it('refuses them only when packaged, with exit 2', () => {
    const launch = { ...none, env: { KIOSK_WINDOWED: '1' } };
    expect(() => refuseDevOverrides(false, launch)).not.toThrow();
    expect(() => refuseDevOverrides(true, none)).not.toThrow();
    const e = (() => {
      try {
        refuseDevOverrides(true, launch);
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(ReportedStartupFailure);
    expect((e as ReportedStartupFailure).exitCode).toBe(2);
    expect((e as ReportedStartupFailure).text).not.toContain('\n');
  });
});

describe('the packaged configuration', () => {
  it('lives at one path per OS', () => {
    expect(packagedConfigPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\GovKiosk\\kiosk-config.json');
    expect(packagedConfigPath('win32', {})).toBe('C:\\ProgramData\\GovKiosk\\kiosk-config.json');
    expect(packagedConfigPath('linux')).toBe('/etc/gov-kiosk/kiosk-config.json');
    expect(packagedConfigPath('darwin')).toBe('/Library/Application Support/GovKiosk/kiosk-config.json');
  });

  describe.runIf(process.platform !== 'win32')('must be writable by the administrator only (real files)', () => {
    const root = mkdtempSync(join(tmpdir(), 'packaged-config-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const me = process.getuid!();
    function config(fileMode: number, dirMode = 0o755): string {
      const dir = mkdtempSync(join(root, 'c-'));
      mkdirSync(dir, { recursive: true });
      const file = join(dir, 'kiosk-config.json');
      writeFileSync(file, '{}');
      chmodSync(file, fileMode);
      chmodSync(dir, dirMode);
      return file;
    }

    it('accepts a file and folder owned by the administrator and not writable by others', () => {
      expect(() => refuseUserWritableConfig(config(0o644), { adminUid: me })).not.toThrow();
      expect(() => refuseUserWritableConfig(join(root, 'missing', 'kiosk-config.json'), { adminUid: me })).not.toThrow();
    });

    it('refuses a group- or world-writable file or folder, or one owned by someone else, in one line', () => {
      for (const [file, adminUid] of [[config(0o666), me], [config(0o664), me], [config(0o644, 0o777), me], [config(0o644), me + 1]] as const) {
        expect(() => refuseUserWritableConfig(file, { adminUid }), file).toThrow(/^自助终端未启动：配置 .* 不是只有管理员可写.* \/ kiosk not started: configuration .* is writable by someone other than the administrator/);
      }
    });

    it('leaves Windows to the installer ACL', () => {
      expect(() => refuseUserWritableConfig(config(0o666), { adminUid: me, platform: 'win32' })).not.toThrow();
    });
  });
});
