// Browser mode (`npm run start:browser`, and `npm start` where Electron is
// missing): development and demo tooling, never shipped. The kiosk core, the
// loopback web host (main/web, the host library) and — when no platform is
// configured — the embedded platform-sim, with the renderer opened in
// Chromium's kiosk/app mode (or the URL printed when there is no display).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../core/config';
import { createKioskCore, type KioskCore } from '../core/create-kiosk-core';
import { describeStartupFailure, prepareDataDir, StartupError } from '../core/startup-failure';
import { startWebHost, type WebHost } from '../web/web-host';
import { startEmbeddedPlatform, type EmbeddedPlatform } from './embedded-platform';
import { hasSimulatedDevices, simControlRoutes } from './sim-controls';

const root = fileURLToPath(new URL('../../', import.meta.url));
const rendererDir = join(root, 'dist', 'renderer');
const startedAt = performance.now();

function findChromium(): string | null {
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) if (existsSync(p)) return p;
  return null;
}

function buildRendererIfMissing(): void {
  if (existsSync(join(rendererDir, 'index.html'))) return;
  process.stdout.write('构建界面 / building the renderer …\n');
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build:renderer', '--', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new StartupError('界面构建失败：请运行 npm run build:renderer 查看原因', 'the renderer build failed: run npm run build:renderer to see why');
}

/** What has started so far, so a failure half-way can release it (held in an object: TypeScript does not track assignments made inside start()). */
const begun: { platform: EmbeddedPlatform | null; core: KioskCore | null } = { platform: null, core: null };

/** Everything that can fail at start-up, in the order that names the cause first: configuration, data dir, platform, core, renderer, web host. */
async function start(): Promise<{ core: KioskCore; host: WebHost; simulated: boolean }> {
  const config = loadConfig();
  prepareDataDir(config.dataDir);
  if (!config.platformUrl) {
    const platform = await startEmbeddedPlatform({ dataDir: join(config.dataDir, 'platform-sim') });
    begun.platform = platform;
    config.platformUrl = platform.url;
    process.stdout.write(`内置模拟平台 / embedded platform-sim: ${platform.url}\n`);
  }
  const core = await createKioskCore(config);
  begun.core = core;
  const simulated = hasSimulatedDevices(config);
  buildRendererIfMissing();
  const host = await startWebHost({
    dispatcher: core.dispatcher,
    events: core.events,
    staticDir: rendererDir,
    port: Number(process.env.KIOSK_WEB_PORT ?? 0),
    routes: simulated ? simControlRoutes(core) : [],
  });
  return { core, host, simulated };
}

let started: Awaited<ReturnType<typeof start>>;
try {
  started = await start();
} catch (e) {
  // One clear line (one per configuration problem), never a stack trace; then release what did start.
  const failure = describeStartupFailure(e);
  process.stderr.write(`${failure.text}\n`);
  await begun.core?.close().catch(() => undefined);
  await begun.platform?.stop().catch(() => undefined);
  process.exit(failure.exitCode);
}
const { host, simulated } = started;
const readyMs = Math.round(performance.now() - startedAt);
process.stdout.write(`自助终端已启动 / kiosk ready in ${readyMs} ms: ${host.url}\n`);
if (simulated) process.stdout.write(`模拟设备控制 / simulator controls: POST ${host.origin}/sim/idcard/insert (header X-Kiosk-Token: ${host.token})\n`);

let browser: ReturnType<typeof spawn> | null = null;
const chromium = findChromium();
if (chromium && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.KIOSK_NO_BROWSER) {
  const profile = mkdtempSync(join(tmpdir(), 'kiosk-chromium-'));
  browser = spawn(chromium, [`--app=${host.url}`, '--kiosk', `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-translate', '--overscroll-history-navigation=0'], { stdio: 'ignore' });
} else {
  process.stdout.write(`无显示器：请用浏览器打开上面的地址 / no display: open the URL above in a browser\n`);
}

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  browser?.kill('SIGTERM');
  await host.close();
  await started.core.close();
  await begun.platform?.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
