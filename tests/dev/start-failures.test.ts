import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ContractDispatcher } from '../../common/contract/dispatcher';
import { EventHub } from '../../common/contract/event-hub';
import { kioskContract, type KioskContract } from '../../common/contract/kiosk-contract';
import { describeStartupFailure } from '../../main/core/startup-failure';
import { startWebHost } from '../../main/web/web-host';
import { TestKioskImplementation } from '../contract/test-kiosk-implementation';
import { cleanEnv } from '../cli/support/kioskctl-process';
import { tempDir } from '../core/support/temp-dir';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const cleanups: Array<() => void> = [];
afterAll(() => {
  while (cleanups.length) cleanups.pop()!();
});
function scratch(): string {
  const t = tempDir('start-fail-');
  cleanups.push(t.cleanup);
  return t.dir;
}

/** Runs the browser-mode launcher (`npm run start:browser`) with `env` until it exits. */
function startBrowser(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/dev/start-browser.ts'], { cwd: ROOT, env: cleanEnv({ KIOSK_NO_BROWSER: '1', ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
  child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

const NO_TRACE = /^\s+at |Node\.js v\d/m;

describe.concurrent('kiosk start-up failures (browser mode): one clear line in Chinese and English, exit non-zero, no stack trace', () => {
  it('a data directory that cannot be written', async () => {
    const blocker = join(scratch(), 'a-file');
    writeFileSync(blocker, '');
    const r = await startBrowser({ KIOSK_DATA_DIR: join(blocker, 'data') });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `自助终端未能启动 / kiosk did not start: 数据目录 ${join(blocker, 'data')} 无法写入（路径上有同名文件挡住）：请让终端用户可写（chown/chmod 700），或用 KIOSK_DATA_DIR 指定另一个目录 / data directory ${join(blocker, 'data')} is not writable (a file is in the way): make it writable for the kiosk user (chown, chmod 700) or set KIOSK_DATA_DIR to another directory\n`,
    );
  }, 60_000);

  it('the embedded platform failing to start', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'platform-sim'), 'not a directory');
    const r = await startBrowser({ KIOSK_DATA_DIR: dir });
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^自助终端未能启动 \/ kiosk did not start: 内置模拟平台未能启动（.*platform-sim.*）：.* \/ the embedded platform-sim did not start \(.*\): check that platform-sim in the data directory is writable, or set platformUrl to use a real platform$/);
    expect(r.stderr).not.toMatch(NO_TRACE);
  }, 60_000);

  it('an invalid configuration file: one line per problem, exit 2', async () => {
    const dir = scratch();
    const file = join(dir, 'kiosk-config.json');
    writeFileSync(file, '{\n  "idleTimeout": 5,\n  "theme": { "siteName": "网点" }\n}\n');
    const r = await startBrowser({ KIOSK_DATA_DIR: dir });
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('自助终端未能启动 / kiosk did not start');
    expect(lines[1]).toBe('配置有 2 处错误 / invalid kiosk configuration: 2 problems');
    expect(lines[2]).toMatch(new RegExp(`^  ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:3: idleTimeout: 未知字段，已拒绝`));
    expect(lines[3]).toContain(`${file}:3:3: theme: theme 不完整`);
    expect(r.stderr).not.toMatch(NO_TRACE);
  }, 60_000);
});

describe('describeStartupFailure', () => {
  let busy: Server | null = null;
  afterAll(() => busy?.close());

  it('the web host\'s port in use is one line naming the port and what to do', async () => {
    busy = createServer();
    await new Promise<void>((r) => busy!.listen(0, '127.0.0.1', r));
    const port = (busy.address() as { port: number }).port;
    const error = await startWebHost({ dispatcher: new ContractDispatcher(kioskContract, new TestKioskImplementation()), events: new EventHub<KioskContract>(), staticDir: scratch(), port }).catch((e: unknown) => e);
    const failure = describeStartupFailure(error, {});
    expect(failure.exitCode).toBe(1);
    expect(failure.text).toBe(
      `自助终端未能启动 / kiosk did not start: 端口 ${port} 已被占用：请关闭占用它的程序（如另一个终端实例），或设 KIOSK_WEB_PORT 为另一个端口（0 = 自动选择）/ port ${port} is already in use: stop the program holding it (another kiosk instance?) or set KIOSK_WEB_PORT to another port (0 = any free port)`,
    );
  });

  it('anything else is one line with its message; the stack only with KIOSK_VERBOSE=1', () => {
    const e = new Error('something odd\nsecond line');
    expect(describeStartupFailure(e, {}).text).toBe('自助终端未能启动 / kiosk did not start: something odd (KIOSK_VERBOSE=1 显示详情 / for details)');
    expect(describeStartupFailure(e, { KIOSK_VERBOSE: '1' }).text).toContain('    at ');
  });
});
