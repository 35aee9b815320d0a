import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumCommand, KIOSK_CHROMIUM_POLICY, kioskChromiumArgs, kioskLaunchUrl, writePolicyRoot } from './chromium-kiosk';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("browser mode's Chromium launch", () => {
  it('opens the host page in kiosk app mode in the given profile; --no-sandbox only as root', () => {
    const url = kioskLaunchUrl({ launchUrl: () => 'http://127.0.0.1:4000/kiosk-launch?code=abc' });
    const args = kioskChromiumArgs(url, '/tmp/p');
    expect(args).toEqual(expect.arrayContaining(['--app=http://127.0.0.1:4000/kiosk-launch?code=abc', '--kiosk', '--user-data-dir=/tmp/p', '--overscroll-history-navigation=0']));
    expect(args).not.toContain('--no-sandbox');
    expect(kioskChromiumArgs(url, '/tmp/p', { root: true })).toContain('--no-sandbox');
  });

  it('writes the managed policy with the page host as the one allowed site', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-policy-'));
    dirs.push(dir);
    const root = writePolicyRoot(dir, 'http://127.0.0.1:4000');
    const policy = JSON.parse(readFileSync(join(root, 'policies', 'managed', 'kiosk.json'), 'utf8')) as Record<string, unknown>;
    expect(policy).toMatchObject({ DeveloperToolsAvailability: 2, PrintingEnabled: false, DownloadRestrictions: 3, IncognitoModeAvailability: 1, BrowserGuestModeEnabled: false });
    expect(policy.URLAllowlist).toEqual(['127.0.0.1:4000']);
    expect(policy.URLBlocklist).toEqual(KIOSK_CHROMIUM_POLICY.URLBlocklist);
  });

  it('mounts the policy over /etc/chromium in a private namespace, under a death signal on Linux', () => {
    const { command, args } = chromiumCommand('/usr/bin/chromium', ['--kiosk'], '/tmp/etc-chromium', 'mount-namespace');
    const argv = [command, ...args];
    expect(argv.slice(argv.indexOf('unshare'))).toEqual(['unshare', '--mount', '--propagation', 'private', 'sh', '-c', 'mount --bind "$0" /etc/chromium && exec "$@"', '/tmp/etc-chromium', '/usr/bin/chromium', '--kiosk']);
    if (process.platform === 'linux') expect(argv.slice(0, 3)).toEqual(['/usr/bin/setpriv', '--pdeathsig', 'KILL']);
    expect(chromiumCommand('/usr/bin/chromium', ['--kiosk'], '/x', 'none').args.slice(-2)).toEqual(['/usr/bin/chromium', '--kiosk']);
  });
});
