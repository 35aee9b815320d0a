import { generateKeyPairSync } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronModule } from '../../tests/contract/fake-electron';
import { fileSha512, signUpdate } from './update/update-signature';
import { setupUpdater } from './updater';

const release = generateKeyPairSync('ed25519');
const publicKeyPem = release.publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** A downloaded artifact and its update-downloaded event, signed by the release key unless `signed` is false. */
async function downloaded(version: string, signed = true): Promise<Record<string, unknown>> {
  const file = join(mkdtempSync(join(tmpdir(), 'kiosk-updater-')), `kiosk_${version}_amd64.deb`);
  writeFileSync(file, `package ${version}`);
  const sha512 = await fileSha512(file);
  return { version, downloadedFile: file, sha512, files: [{ url: `kiosk_${version}_amd64.deb`, sha512, size: 10, ...(signed ? { kioskSignature: signUpdate(sha512, release.privateKey) } : {}) }] };
}

vi.mock('electron', async () => (await import('../../tests/contract/fake-electron')).electronModule);

const updater = vi.hoisted(() => {
  const listeners = new Map<string, Array<(arg: unknown) => void>>();
  return {
    autoDownload: false,
    autoInstallOnAppQuit: true,
    checkForUpdates: vi.fn(async (): Promise<unknown> => null),
    quitAndInstall: vi.fn(),
    on(event: string, listener: (arg: unknown) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    emit(event: string, arg: unknown) {
      for (const l of listeners.get(event) ?? []) l(arg);
    },
    removeAllListeners() {
      listeners.clear();
    },
  };
});
vi.mock('electron-updater', () => ({ default: { autoUpdater: updater } }));

const app = electronModule.app as EventEmitter & { isPackaged: boolean };

beforeEach(() => {
  updater.removeAllListeners();
  updater.checkForUpdates.mockClear();
  updater.quitAndInstall.mockClear();
});
afterEach(() => {
  app.isPackaged = false;
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('setupUpdater', () => {
  it('does nothing when the app is not packaged', () => {
    setupUpdater({ isIdle: () => true });
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('downloads in the background, never installs on quit, and installs only once idle', async () => {
    app.isPackaged = true;
    let idle = false;
    const stop = setupUpdater({ isIdle: () => idle, idlePollMs: 20, checkIntervalMs: 300, publicKeyPem });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    updater.emit('update-downloaded', await downloaded('0.2.0'));
    await sleep(150);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    idle = true;
    await vi.waitFor(() => expect(updater.quitAndInstall).toHaveBeenCalledWith(true, true));
    await vi.waitFor(() => expect(updater.checkForUpdates).toHaveBeenCalledTimes(2));
    stop();
  });

  it('never installs an unsigned update, however idle the kiosk is, and says so', async () => {
    app.isPackaged = true;
    const lines: string[] = [];
    const stop = setupUpdater({ isIdle: () => true, idlePollMs: 20, log: (l) => lines.push(l), publicKeyPem });
    updater.emit('update-downloaded', await downloaded('0.3.0', false));
    await vi.waitFor(() => expect(lines).toContain('update 0.3.0 refused (unsigned): not installed'));
    await sleep(150);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    stop();
  });

  it('logs a failed check instead of throwing', async () => {
    app.isPackaged = true;
    updater.checkForUpdates.mockRejectedValueOnce(new Error('offline'));
    const lines: string[] = [];
    const stop = setupUpdater({ isIdle: () => false, log: (l) => lines.push(l) });
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(lines).toEqual(['update check failed: offline']);
    stop();
  });
});
