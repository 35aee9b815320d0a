// Browser mode's Chromium (development, demo and test only): the flags and
// the managed policy it is started with, and how the policy reaches it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The managed policy of the kiosk's Chromium. Debian's Chromium reads
 * policy only from `/etc/chromium/policies/managed` (its `--policy` switch
 * is ignored on Linux; checked on chrome://policy), which is system-wide,
 * so {@link chromiumCommand} mounts a per-launch copy over `/etc/chromium`
 * in a private mount namespace: nothing outside the kiosk's Chromium sees it.
 */
export const KIOSK_CHROMIUM_POLICY = {
  DeveloperToolsAvailability: 2,
  PrintingEnabled: false,
  DownloadRestrictions: 3,
  AllowFileSelectionDialogs: false,
  IncognitoModeAvailability: 1,
  BrowserGuestModeEnabled: false,
  BrowserAddPersonEnabled: false,
  EditBookmarksEnabled: false,
  BookmarkBarEnabled: false,
  PasswordManagerEnabled: false,
  AutofillAddressEnabled: false,
  AutofillCreditCardEnabled: false,
  TranslateEnabled: false,
  SpellcheckEnabled: false,
  TaskManagerEndProcessEnabled: false,
  // Every page but the kiosk's own origin is blocked: history, downloads, settings and view-source show nothing.
  URLBlocklist: ['*', 'chrome://*', 'view-source:*', 'devtools://*', 'file://*'],
} as const;

/**
 * The URL Chromium opens: the web host's one-time launch URL (its code is
 * exchanged once for the page's HttpOnly session cookie, so every launch
 * needs a new one). The one place it is built.
 */
export function kioskLaunchUrl(host: { launchUrl(): string }): string {
  return host.launchUrl();
}

/**
 * Chromium's arguments for the kiosk window: `--kiosk --app=URL` in a fresh
 * profile, no first-run, sync, translate, background networking, component
 * update, swipe navigation, pinch, crash bubble or error dialogs; the
 * policy's allow-list is the page's origin. `--no-sandbox` only when running
 * as root (Chromium refuses to start otherwise).
 */
export function kioskChromiumArgs(url: string, profileDir: string, options: { root?: boolean } = {}): string[] {
  return [
    `--app=${url}`,
    '--kiosk',
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-extensions',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--disable-session-crashed-bubble',
    '--noerrdialogs',
    '--disable-features=Translate,DownloadBubble,PrintPreviewDialog',
    ...(options.root ? ['--no-sandbox'] : []),
  ];
}

/** Writes `<dir>/etc-chromium` (the policy for `origin`, and Debian's master_preferences when present); returns its path. */
export function writePolicyRoot(dir: string, origin: string): string {
  const root = join(dir, 'etc-chromium');
  mkdirSync(join(root, 'policies', 'managed'), { recursive: true });
  // `host:port` without a scheme allows the page (http) and its WebSocket (ws) alike.
  const policy = { ...KIOSK_CHROMIUM_POLICY, URLAllowlist: [new URL(origin).host] };
  writeFileSync(join(root, 'policies', 'managed', 'kiosk.json'), JSON.stringify(policy, null, 2));
  if (existsSync('/etc/chromium/master_preferences')) copyFileSync('/etc/chromium/master_preferences', join(root, 'master_preferences'));
  return root;
}

/** How the policy reaches Chromium on this machine. */
export type PolicyMechanism = 'mount-namespace' | 'user-namespace' | 'none';

/**
 * Which per-launch mechanism works here (tried once with `true`): a private
 * mount namespace as root, a user + mount namespace otherwise; `none` off
 * Linux or where the kernel refuses both (then only the flags apply, and the
 * launcher says so).
 */
export function probePolicyMechanism(): PolicyMechanism {
  if (process.platform !== 'linux') return 'none';
  const mechanisms: Array<[PolicyMechanism, string[]]> = process.getuid?.() === 0 ? [['mount-namespace', unshareArgs('mount-namespace')]] : [];
  mechanisms.push(['user-namespace', unshareArgs('user-namespace')]);
  for (const [mechanism, args] of mechanisms) {
    const r = spawnSync('unshare', [...args, 'true'], { stdio: 'ignore', timeout: 5000 });
    if (r.status === 0) return mechanism;
  }
  return 'none';
}

function unshareArgs(mechanism: PolicyMechanism): string[] {
  return mechanism === 'user-namespace' ? ['--user', '--map-root-user', '--mount', '--propagation', 'private'] : ['--mount', '--propagation', 'private'];
}

/**
 * The command that starts `chromium` with `args` and the policy at
 * `policyRoot`: through `unshare` + a bind mount over `/etc/chromium` when
 * a mechanism works, else Chromium as is. On Linux `setpriv --pdeathsig
 * KILL` (util-linux) goes first, so Chromium is killed the moment the
 * launcher dies, even by SIGKILL (the death signal survives the `exec`s
 * down to Chromium's own binary; Chromium's helpers exit with it).
 */
export function chromiumCommand(chromium: string, args: string[], policyRoot: string, mechanism: PolicyMechanism): { command: string; args: string[] } {
  let command = chromium;
  let argv = args;
  if (mechanism !== 'none') {
    command = 'unshare';
    argv = [...unshareArgs(mechanism), 'sh', '-c', 'mount --bind "$0" /etc/chromium && exec "$@"', policyRoot, chromium, ...args];
  }
  if (process.platform === 'linux' && existsSync('/usr/bin/setpriv')) return { command: '/usr/bin/setpriv', args: ['--pdeathsig', 'KILL', command, ...argv] };
  return { command, args: argv };
}
