import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../main/core/config';
import { tempDir } from './support/temp-dir';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function dir(): string {
  const t = tempDir('kiosk-config-');
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('loadConfig', () => {
  it('defaults: every device simulated, embedded platform, documented timings', () => {
    const config = loadConfig({ dataDir: dir() }, {});
    expect(config.platformUrl).toBeNull();
    expect(config.devices.idcard).toEqual({ mode: 'sim', baudRate: 115200 });
    expect(config.devices.receiptPrinter).toEqual({ mode: 'sim', baudRate: 115200, tcpPort: 9100, previewDir: null });
    expect(config.devices.scanner).toEqual({ mode: 'sim', baudRate: 9600 });
    expect(config.idleTimeoutSeconds).toBe(60);
    expect(config.countdownSeconds).toBe(15);
    expect(config.submitAckWaitMs).toBe(3000);
    expect(config.idcardPollMs).toBe(300);
    expect(config.defaultLocale).toBe('zh-CN');
    expect(config.theme.siteName).toBe('政务服务自助终端');
  });

  it('uses .kiosk-data when neither an override nor KIOSK_DATA_DIR names the data dir', () => {
    expect(loadConfig({}, {}).dataDir).toBe('.kiosk-data');
    const d = dir();
    expect(loadConfig({}, { KIOSK_DATA_DIR: d }).dataDir).toBe(d);
  });

  it('reads <dataDir>/kiosk-config.json: real serial devices and a TCP printer', () => {
    const d = dir();
    writeFileSync(
      join(d, 'kiosk-config.json'),
      JSON.stringify({
        platformUrl: 'https://zwfw.example.gov.cn',
        devices: {
          idcard: { mode: 'serial', port: '/dev/ttyUSB0' },
          receiptPrinter: { mode: 'tcp', host: '192.168.1.50' },
          scanner: { mode: 'serial', port: '/dev/ttyACM0' },
        },
        idleTimeoutSeconds: 90,
        theme: { siteName: '某某银行网点', partner: '某某银行', primaryColor: '#004a8f', logoUrl: null, openingHours: '08:00-20:00', staffAssist: true },
      }),
    );
    const config = loadConfig({ dataDir: d }, {});
    expect(config.platformUrl).toBe('https://zwfw.example.gov.cn');
    expect(config.devices.idcard).toEqual({ mode: 'serial', port: '/dev/ttyUSB0', baudRate: 115200 });
    expect(config.devices.receiptPrinter).toEqual({ mode: 'tcp', host: '192.168.1.50', tcpPort: 9100, baudRate: 115200, previewDir: null });
    expect(config.devices.scanner).toEqual({ mode: 'serial', port: '/dev/ttyACM0', baudRate: 9600 });
    expect(config.idleTimeoutSeconds).toBe(90);
    expect(config.countdownSeconds).toBe(15);
    expect(config.theme.partner).toBe('某某银行');
  });

  it('KIOSK_CONFIG names the file instead of the data dir', () => {
    const d = dir();
    const file = join(dir(), 'elsewhere.json');
    writeFileSync(file, JSON.stringify({ idcardPollMs: 500 }));
    writeFileSync(join(d, 'kiosk-config.json'), JSON.stringify({ idcardPollMs: 700 }));
    expect(loadConfig({ dataDir: d }, { KIOSK_CONFIG: file }).idcardPollMs).toBe(500);
  });

  it('precedence: overrides > KIOSK_PLATFORM_URL > file', () => {
    const d = dir();
    writeFileSync(join(d, 'kiosk-config.json'), JSON.stringify({ platformUrl: 'http://file.example' }));
    expect(loadConfig({ dataDir: d }, {}).platformUrl).toBe('http://file.example');
    expect(loadConfig({ dataDir: d }, { KIOSK_PLATFORM_URL: 'http://env.example' }).platformUrl).toBe('http://env.example');
    expect(loadConfig({ dataDir: d, platformUrl: 'http://override.example' }, { KIOSK_PLATFORM_URL: 'http://env.example' }).platformUrl).toBe('http://override.example');
  });

  it('the data dir never comes from the file it is read from', () => {
    const d = dir();
    writeFileSync(join(d, 'kiosk-config.json'), JSON.stringify({ dataDir: '/somewhere/else' }));
    expect(loadConfig({ dataDir: d }, {}).dataDir).toBe(d);
  });

  it('invalid JSON: the error names the file', () => {
    const d = dir();
    const file = join(d, 'kiosk-config.json');
    writeFileSync(file, '{ "platformUrl": ');
    expect(() => loadConfig({ dataDir: d }, {})).toThrow(`configuration file ${file} is not valid JSON`);
  });

  it('an invalid field: the error names every bad field path', () => {
    const d = dir();
    writeFileSync(join(d, 'kiosk-config.json'), JSON.stringify({ platformUrl: 'not a url', devices: { receiptPrinter: { mode: 'usb' } }, idleTimeoutSeconds: -1 }));
    let message = '';
    try {
      loadConfig({ dataDir: d }, {});
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^invalid kiosk configuration: /);
    expect(message).toContain('platformUrl:');
    expect(message).toContain('devices.receiptPrinter.mode:');
    expect(message).toContain('idleTimeoutSeconds:');
  });

  it('refuses misspelt fields and half-configured devices instead of silently simulating', () => {
    const attempt = (input: object) => {
      try {
        loadConfig(input as never, {});
        return 'ok';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(attempt({ idleTimeout: 5 })).toContain('idleTimeout');
    expect(attempt({ devices: { idcard: { port: '/dev/ttyUSB0' } } })).toContain('devices.idcard.mode');
    expect(attempt({ devices: { idcard: { mode: 'serial' } } })).toContain('devices.idcard.port');
    expect(attempt({ devices: { receiptPrinter: { mode: 'tcp' } } })).toContain('devices.receiptPrinter.host');
    expect(attempt({ devices: { scanner: { mode: 'serial', port: '/dev/ttyACM0', parity: 'even' } } })).toContain('parity');
    expect(attempt({ devices: { receiptPrinter: { mode: 'tcp', host: '10.0.0.5' } } })).toBe('ok');
  });
});
