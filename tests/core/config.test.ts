import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkConfigFile, ConfigError, loadConfig } from '../../main/core/config';
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
    expect(config.devices.receiptPrinter).toEqual({ mode: 'sim', baudRate: 115200, tcpPort: 9100, previewDir: null, simProfile: 'full', completionTimeoutMs: 15_000 });
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
    expect(config.devices.receiptPrinter).toEqual({ mode: 'tcp', host: '192.168.1.50', tcpPort: 9100, baudRate: 115200, previewDir: null, simProfile: 'full', completionTimeoutMs: 15_000 });
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
    writeFileSync(join(d, 'kiosk-config.json'), JSON.stringify({ platformUrl: 'https://file.example' }));
    expect(loadConfig({ dataDir: d }, {}).platformUrl).toBe('https://file.example');
    expect(loadConfig({ dataDir: d }, { KIOSK_PLATFORM_URL: 'https://env.example' }).platformUrl).toBe('https://env.example');
    expect(loadConfig({ dataDir: d, platformUrl: 'https://override.example' }, { KIOSK_PLATFORM_URL: 'https://env.example' }).platformUrl).toBe('https://override.example');
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
    expect(() => loadConfig({ dataDir: d }, {})).toThrow(`${file}:1:18: 不是合法 JSON：这里缺少值 / not valid JSON: a value is expected here`);
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
    expect(message).toMatch(/^配置有 3 处错误 \/ invalid kiosk configuration: 3 problems\n/);
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

  /** The problems loadConfig reports for `text` as the data dir's kiosk-config.json. */
  function problemsOf(text: string, env: NodeJS.ProcessEnv = {}) {
    const d = dir();
    const file = join(d, 'kiosk-config.json');
    writeFileSync(file, text);
    try {
      loadConfig({ dataDir: d }, env);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return { file, problems: (e as ConfigError).problems, message: (e as Error).message };
    }
    throw new Error('loadConfig accepted the file');
  }

  it('a malformed file: one problem per syntax error with file, line and column, in Chinese and English', () => {
    const { file, problems, message } = problemsOf('{\n  "platformUrl": "https://zwfw.example.gov.cn",\n  "idleTimeoutSeconds": 90\n  "countdownSeconds": 5,\n}\n');
    expect(problems.map((p) => [p.source, p.line, p.column, p.en])).toEqual([
      [file, 4, 3, 'not valid JSON: a comma "," is expected between two entries'],
      [file, 5, 1, 'not valid JSON: a field name in double quotes is expected here'],
    ]);
    expect(problems[0]!.zh).toBe('不是合法 JSON：两项之间缺少逗号 ","');
    expect(message.split('\n')).toHaveLength(3);
    expect(message).not.toMatch(/position \d+|at JSON\.parse|Unexpected token/);
  });

  it('schema errors point at the line and column of the key, one line per problem', () => {
    const { file, problems } = problemsOf('{\n  "devices": {\n    "receiptPrinter": { "mode": "usb" },\n    "idcard": { "mode": "serial" }\n  },\n  "idleTimeoutSeconds": -1\n}\n');
    expect(problems.map((p) => `${p.source}:${p.line}:${p.column} ${p.field}`)).toEqual([
      `${file}:3:25 devices.receiptPrinter.mode`,
      `${file}:4:5 devices.idcard.port`,
      `${file}:6:3 idleTimeoutSeconds`,
    ]);
    expect(problems[0]!.en).toBe('must be one of "sim", "serial", "tcp", not "usb"');
    expect(problems[1]!.zh).toBe('mode 为 "serial" 时必须写 "port"（串口路径）或 "usb"（设备 ID）');
    expect(problems[2]!.en).toBe('must be > 0, not -1');
  });

  it('theme.siteNames gives the site name in the other kiosk languages (optional, each part too); an unknown language is refused', () => {
    const theme = { siteName: '某某银行网点', partner: null, primaryColor: '#004a8f', logoUrl: null, openingHours: null, staffAssist: true };
    const d = dir();
    writeFileSync(join(d, 'kiosk-config.json'), JSON.stringify({ theme: { ...theme, siteNames: { en: 'Bank branch service point', ug: 'بانكا مۇلازىمەت ئورنى' } } }));
    expect(loadConfig({ dataDir: d }, {}).theme.siteNames).toEqual({ en: 'Bank branch service point', ug: 'بانكا مۇلازىمەت ئورنى' });
    const { problems } = problemsOf(JSON.stringify({ theme: { ...theme, siteNames: { fr: 'Point de service' } } }));
    expect(problems.map((p) => p.field)).toEqual(['theme.siteNames.fr']);
  });

  it('a partial theme is one problem naming what is missing in plain words', () => {
    const { file, problems, message } = problemsOf('{\n  "theme": { "siteName": "某某银行网点", "primaryColor": "#004a8f" }\n}\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ source: file, line: 2, column: 3, field: 'theme' });
    expect(problems[0]!.zh).toContain('theme 不完整：缺少 partner、logoUrl、openingHours、staffAssist');
    expect(problems[0]!.en).toContain('theme is incomplete: partner, logoUrl, openingHours, staffAssist missing');
    expect(message).not.toMatch(/expected \w+, received undefined/i);
  });

  it('a misspelt field is refused at its own position, with the closest known name', () => {
    const { file, problems } = problemsOf('{\n  "devices": { "idcard": { "mode": "serial", "prot": "/dev/ttyUSB0" } },\n  "idleTimeout": 5\n}\n');
    const refused = problems.filter((p) => p.en.startsWith('unknown field'));
    expect(refused.map((p) => [p.line, p.column, p.field, p.en])).toEqual([
      [2, 46, 'devices.idcard.prot', 'unknown field, refused (did you mean "port"?)'],
      [3, 3, 'idleTimeout', 'unknown field, refused (did you mean "idleTimeoutSeconds"?)'],
    ]);
    expect(refused[0]!.source).toBe(file);
    expect(refused[0]!.zh).toBe('未知字段，已拒绝（是不是 "port"？）');
  });

  it('a bad platform URL from KIOSK_PLATFORM_URL names the variable, not the file', () => {
    const { problems } = problemsOf('{}', { KIOSK_PLATFORM_URL: 'zwfw.example' });
    expect(problems).toEqual([expect.objectContaining({ source: 'KIOSK_PLATFORM_URL', line: null, field: 'platformUrl' })]);
  });

  it('KIOSK_CONFIG naming a file that does not exist is refused, not silently replaced by defaults', () => {
    const missing = join(dir(), 'nope.json');
    expect(() => loadConfig({ dataDir: dir() }, { KIOSK_CONFIG: missing })).toThrow(`${missing}: 文件不存在 / no such file`);
  });

  it('checkConfigFile validates one file without environment or overrides', () => {
    const d = dir();
    const good = join(d, 'good.json');
    writeFileSync(good, JSON.stringify({ platformUrl: 'https://zwfw.example.gov.cn', devices: { receiptPrinter: { mode: 'tcp', host: '10.0.0.5' } } }));
    expect(checkConfigFile(good)).toEqual([]);
    const bad = join(d, 'bad.json');
    writeFileSync(bad, '[1]');
    expect(checkConfigFile(bad)).toEqual([expect.objectContaining({ line: 1, column: 1, en: 'the whole file must be one object { … }' })]);
  });
});
