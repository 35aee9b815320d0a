import { describe, expect, it, vi } from 'vitest';
import { checkConfigText, KioskConfigSchema } from '../../main/core/config';
import { updaterSettingsFrom } from '../../main/electron/updater';

// The shell module imports Electron's `app` (used only by setupUpdater); the Electron binary cannot run here.
vi.mock('electron', async () => (await import('../contract/fake-electron')).electronModule);

/** The `updates` section of kiosk-config.json and what the updater takes from it. */
describe('updates configuration', () => {
  it('defaults: stable channel, the platform\'s feed, 02:00–05:00 in the terminal\'s time zone (configs without the section stay valid)', () => {
    const config = KioskConfigSchema.parse({ platformUrl: 'https://zwfw.example.gov.cn/', timeZone: 'Asia/Urumqi' });
    expect(config.updates).toEqual({ channel: 'latest', feedUrl: null, maintenanceWindow: { start: '02:00', end: '05:00' } });
    expect(updaterSettingsFrom(config)).toEqual({
      feed: { url: 'https://zwfw.example.gov.cn/updates/latest/', channel: 'latest' },
      maintenanceWindow: { start: '02:00', end: '05:00', timeZone: 'Asia/Urumqi' },
    });
    expect(updaterSettingsFrom(KioskConfigSchema.parse({})).feed).toBeUndefined();
  });

  it('a channel, a feed of its own and a window crossing midnight', () => {
    const config = KioskConfigSchema.parse({ updates: { channel: 'beta', feedUrl: 'https://updates.example.gov.cn/kiosk/beta/', maintenanceWindow: { start: '23:00', end: '04:00' } } });
    expect(updaterSettingsFrom(config)).toEqual({
      feed: { url: 'https://updates.example.gov.cn/kiosk/beta/', channel: 'beta' },
      maintenanceWindow: { start: '23:00', end: '04:00', timeZone: 'Asia/Shanghai' },
    });
  });

  it('refuses a malformed time, an empty window, a bad channel and a misspelt field, in Chinese and English', () => {
    const problems = (updates: unknown) => checkConfigText('/etc/kiosk/kiosk-config.json', JSON.stringify({ updates }, null, 2)).map((p) => `${p.field}: ${p.zh} / ${p.en}`);
    expect(problems({ maintenanceWindow: { start: '25:00', end: '05:00' } })).toEqual(['updates.maintenanceWindow.start: 须为 24 小时制本地时间 HH:MM，如 02:00 / a local time HH:MM (24 h) such as 02:00']);
    expect(problems({ maintenanceWindow: { start: '03:00', end: '03:00' } })).toEqual(['updates.maintenanceWindow.end: 维护时段的开始和结束时间不能相同 / start and end of the maintenance window must differ']);
    expect(problems({ channel: 'Stable!' })[0]).toMatch(/^updates\.channel: 更新通道名/);
    expect(problems({ window: {} })).toEqual(['updates.window: 未知字段，已拒绝 / unknown field, refused']);
    expect(problems({})).toEqual([]);
  });
});
