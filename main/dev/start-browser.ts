// Browser mode (`npm run start:browser`, and `npm start` where Electron is
// missing): development and demo tooling, never shipped. The kiosk core, the
// loopback web host (main/web, the host library) and — when no platform is
// configured — the embedded platform-sim, with the renderer opened in
// Chromium's kiosk/app mode (or the URL printed when there is no display).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../core/config';
import { describeStartupFailure, prepareDataDir, StartupError } from '../core/startup-failure';
import { createServiceLog } from '../supervisor/service-log';
import { startBrowserKiosk, type BrowserKiosk } from './browser-kiosk';
import { kioskLaunchUrl } from './chromium-kiosk';
import { startKioskChromium, type KioskChromium } from './kiosk-chromium';
import { hasSimulatedDevices } from './sim-controls';

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

/**
 * Everything that can fail at start-up, in the order that names the cause
 * first: configuration, data dir, renderer, then the supervised platform,
 * core (each in its own process) and the web host (startBrowserKiosk
 * releases what had started when a later part fails).
 */
async function start(): Promise<{ kiosk: BrowserKiosk; simulated: boolean }> {
  const config = loadConfig();
  prepareDataDir(config.dataDir);
  buildRendererIfMissing();
  const kiosk = await startBrowserKiosk({
    config,
    rendererDir,
    webPort: Number(process.env.KIOSK_WEB_PORT ?? 0),
    log: createServiceLog({ file: join(config.dataDir, 'logs', 'service.log'), prefix: '[supervisor]' }),
    onPlatformStarted: (platform) => void process.stdout.write(`内置模拟平台 / embedded platform-sim: ${platform.url}\n`),
    harness: process.env.KIOSK_HARNESS === '1',
  });
  return { kiosk, simulated: hasSimulatedDevices(config) };
}

let started: Awaited<ReturnType<typeof start>>;
try {
  started = await start();
} catch (e) {
  // One clear line (one per configuration problem), never a stack trace; then release what did start.
  const failure = describeStartupFailure(e);
  process.stderr.write(`${failure.text}\n`);
  process.exit(failure.exitCode);
}
const { kiosk, simulated } = started;
const { host } = kiosk;
const readyMs = Math.round(performance.now() - startedAt);
process.stdout.write(`自助终端已启动 / kiosk ready in ${readyMs} ms: ${host.url}\n`);
if (simulated && host.token) process.stdout.write(`模拟设备控制 / simulator controls: POST ${host.origin}/sim/idcard/insert (header X-Kiosk-Token: ${host.token})\n`);
else if (simulated) process.stdout.write(`模拟设备控制需 KIOSK_HARNESS=1 / simulator controls need KIOSK_HARNESS=1\n`);

let browser: KioskChromium | null = null;
const chromium = findChromium();
if (chromium && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.KIOSK_NO_BROWSER) {
  // Supervised: a closed or crashed window is opened again (crash-loop rule), and Chromium dies with this process.
  // Each launch gets a fresh one-time launch URL: a code works once.
  browser = await startKioskChromium({ chromium, url: () => kioskLaunchUrl(host), log: (line) => void process.stdout.write(`[supervisor] ${line}\n`) });
  process.stdout.write(`自助终端窗口 / kiosk window: Chromium pid ${browser.supervisor.run?.pid ?? '?'}, policy ${browser.policy}\n`);
} else {
  // The page's credential comes only through a one-time launch URL (the plain address is refused without its cookie).
  process.stdout.write(`无显示器：请在 2 分钟内用浏览器打开此地址（仅一次有效）/ no display: open this URL in a browser within 2 minutes (it works once): ${kioskLaunchUrl(host)}\n`);
}

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await browser?.stop();
  await kiosk.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
