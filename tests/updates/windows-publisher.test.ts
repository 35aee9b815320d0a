import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPublisherVerifier, type AuthenticodeInfo } from '../../main/electron/update/publisher-verifier';
import { configureUpdater, type RefusedUpdate, type VerifiedUpdate } from '../../main/electron/updater';
import { startPlatformSim, type PlatformSim } from '../../platform-sim/server';
import { publishRelease } from './feed-publisher';
import { windowsTerminal } from './node-updater';
import { pendingDir, sleep, until } from './update-harness';

// The shell module imports Electron's `app` (used only by setupUpdater); the Electron binary cannot run here.
vi.mock('electron', async () => (await import('../contract/fake-electron')).electronModule);

/**
 * Windows: the publisher name check. Windows itself cannot run here, so the
 * Authenticode reading (PowerShell's Get-AuthenticodeSignature) is a stub
 * result; everything around it is real: electron-builder.yml's publisher
 * names as electron-builder writes them into app-update.yml, electron-updater's
 * real NsisUpdater reading `latest.yml` from platform-sim and downloading the
 * `.exe` over HTTP, calling the verifier configureUpdater installed as its
 * `verifyUpdateCodeSignature` before the download counts as done.
 */
const load = (createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown }).load;
const builderConfig = load(readFileSync(fileURLToPath(new URL('../../electron-builder.yml', import.meta.url)), 'utf8')) as {
  win: { verifyUpdateCodeSignature?: boolean; signtoolOptions?: { publisherName?: string[] } };
};
const publisherNames = builderConfig.win.signtoolOptions?.publisherName ?? [];

let sim: PlatformSim;
const root = mkdtempSync(join(tmpdir(), 'kiosk-win-updates-'));
const updatesDir = join(root, 'feed');
const release = generateKeyPairSync('ed25519');
const publicKeyPem = release.publicKey.export({ type: 'spki', format: 'pem' }).toString();
let n = 0;

beforeAll(async () => {
  sim = await startPlatformSim({ dataDir: join(root, 'platform'), updatesDir, quiet: true });
  publishRelease({ updatesDir, version: '3.0.0', platform: 'win', signer: release.privateKey });
});
afterAll(async () => {
  await sim?.close();
  rmSync(root, { recursive: true, force: true });
});

/** A Windows terminal under configureUpdater; `subject` is what the stubbed Get-AuthenticodeSignature reports as the signer (null: use the real PowerShell reader). */
function start(subject: string | null) {
  const dir = join(root, `terminal-${n++}`);
  const { updater } = windowsTerminal({ feedUrl: `${sim.url}/updates/latest/`, dir, version: '2.9.0', publisherNames });
  const asked: Array<{ names: string[]; file: string }> = [];
  const installs: VerifiedUpdate[] = [];
  const refused: RefusedUpdate[] = [];
  const lines: string[] = [];
  const read = async (file: string): Promise<AuthenticodeInfo> => ({ Status: 0, Path: file, SignerCertificate: { Subject: subject ?? '' } });
  const verifier = createPublisherVerifier(subject === null ? undefined : read);
  const stop = configureUpdater(updater, {
    feed: { url: `${sim.url}/updates/latest/`, channel: 'latest' },
    isIdle: () => true,
    idlePollMs: 20,
    publicKeyPem,
    log: (l) => lines.push(l),
    verifyPublisher: (names, file) => {
      asked.push({ names, file });
      return verifier(names, file);
    },
    install: (u) => (installs.push(u), true),
    onRefused: (r) => refused.push(r),
  });
  return { dir, updater, asked, installs, refused, lines, stop };
}

describe('Windows publisher check (NsisUpdater.verifyUpdateCodeSignature)', () => {
  it('electron-builder.yml names the publisher (full DN) and keeps update signature verification on', () => {
    expect(builderConfig.win.verifyUpdateCodeSignature).toBe(true);
    expect(publisherNames.length).toBeGreaterThan(0);
    for (const name of publisherNames) expect(name).toMatch(/^CN=.+, O=.+, C=[A-Z]{2}$/);
  });

  it('an installer signed by the configured publisher: electron-updater asks our verifier with the names of app-update.yml, then it is installed', async () => {
    const t = start(publisherNames[0]!);
    try {
      await until(() => t.installs.length > 0, () => t.lines.join(' | '));
      expect(t.asked).toHaveLength(1);
      expect(t.asked[0]!.names).toEqual(publisherNames);
      expect(dirname(t.asked[0]!.file)).toBe(pendingDir(t.dir));
      expect(t.installs[0]).toMatchObject({ version: '3.0.0' });
      expect(t.refused).toEqual([]);
    } finally {
      t.stop();
    }
  });

  it('an installer signed by another publisher: refused (publisher-mismatch), reported, never installed', async () => {
    const t = start('CN=Someone Else Ltd, O=Someone Else Ltd, C=CN');
    try {
      await until(() => t.refused.length > 0, () => t.lines.join(' | '));
      await sleep(100);
      expect(t.refused).toMatchObject([{ version: '3.0.0', reason: 'publisher-mismatch' }]);
      expect(t.refused[0]!.detail).toMatch(/not signed by the application owner: signed by "CN=Someone Else Ltd/);
      expect(t.installs).toEqual([]);
    } finally {
      t.stop();
    }
  });

  it('where the signature cannot be read (no PowerShell on this machine), the kiosk verifier refuses; electron-updater\'s default would have accepted', async () => {
    const t = start(null);
    try {
      await until(() => t.refused.length > 0, () => t.lines.join(' | '));
      expect(t.refused).toMatchObject([{ version: '3.0.0', reason: 'publisher-mismatch' }]);
      expect(t.refused[0]!.detail).toMatch(/signature could not be read/);
      expect(t.installs).toEqual([]);
    } finally {
      t.stop();
    }
    // The same download with electron-updater's own verifier: PowerShell fails to run and the download is accepted (fail open).
    const { updater } = windowsTerminal({ feedUrl: `${sim.url}/updates/latest/`, dir: join(root, 'terminal-default'), version: '2.9.0', publisherNames });
    updater.autoDownload = false;
    await updater.checkForUpdates();
    const files = await updater.downloadUpdate();
    expect(files[0]).toMatch(/GovKiosk-Setup-3\.0\.0\.exe$/);
  });
});
