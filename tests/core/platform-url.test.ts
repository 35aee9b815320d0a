import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../main/core/config';
import { describeStartupFailure } from '../../main/core/startup-failure';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A data dir whose kiosk-config.json is `text`; returns the dir and the file. */
function configFile(text: string): { dataDir: string; file: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'platform-url-'));
  dirs.push(dataDir);
  const file = join(dataDir, 'kiosk-config.json');
  writeFileSync(file, text);
  return { dataDir, file };
}

/** The ConfigError loadConfig throws for the file, as start-up prints it. */
function refusal(text: string, packaged: boolean): { error: ConfigError; file: string; printed: string; exitCode: number } {
  const { dataDir, file } = configFile(text);
  try {
    loadConfig({ dataDir }, {}, { packaged });
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    const failure = describeStartupFailure(e);
    return { error: e as ConfigError, file, printed: failure.text, exitCode: failure.exitCode };
  }
  throw new Error(`accepted: ${text}`);
}

const accepts = (url: string, packaged: boolean): string | null => loadConfig({ dataDir: configFile(JSON.stringify({ platformUrl: url })).dataDir }, {}, { packaged }).platformUrl;

describe('platform URL scheme', () => {
  it('accepts https always, and http to loopback in development only', () => {
    expect(accepts('https://zwfw.example.gov.cn', true)).toBe('https://zwfw.example.gov.cn');
    expect(accepts('https://zwfw.example.gov.cn', false)).toBe('https://zwfw.example.gov.cn');
    for (const url of ['http://127.0.0.1:4100', 'http://localhost:4100', 'http://[::1]:4100']) expect(accepts(url, false), url).toBe(url);
  });

  it('a packaged build refuses http even to loopback: file, line, column, Chinese and English, exit 2', () => {
    const { error, file, printed, exitCode } = refusal('{\n  "platformUrl": "http://127.0.0.1:4100"\n}\n', true);
    expect(error.problems).toEqual([expect.objectContaining({ source: file, line: 2, column: 3, field: 'platformUrl' })]);
    expect(error.problems[0]!.zh).toContain('安装版只连接 https://');
    expect(error.problems[0]!.en).toContain('a packaged build connects only to an https:// platform URL');
    expect(printed).toContain(`${file}:2:3: platformUrl:`);
    expect(exitCode).toBe(2);
  });

  it('refuses http to another host and any other scheme, packaged or not', () => {
    for (const packaged of [false, true]) {
      for (const url of ['http://zwfw.example.gov.cn', 'ftp://zwfw.example.gov.cn', 'ws://127.0.0.1:4100', 'file:///etc/passwd', 'http://127.0.0.1.example.com']) {
        const { error, file } = refusal(`{\n  "idleTimeoutSeconds": 90,\n  "platformUrl": ${JSON.stringify(url)}\n}\n`, packaged);
        expect(error.problems, url).toEqual([expect.objectContaining({ source: file, line: 3, column: 3, field: 'platformUrl' })]);
        expect(error.problems[0]!.zh, url).toContain('平台地址必须以 https:// 开头');
        expect(error.problems[0]!.en, url).toContain('the platform URL must start with https://');
      }
    }
  });

  it('names KIOSK_PLATFORM_URL when the refused URL came from there', () => {
    const { dataDir } = configFile('{}');
    expect(() => loadConfig({ dataDir }, { KIOSK_PLATFORM_URL: 'http://zwfw.example.gov.cn' })).toThrow(/KIOSK_PLATFORM_URL: platformUrl: 平台地址必须以 https:\/\/ 开头/);
  });
});
