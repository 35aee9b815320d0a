// `npm run release`: signs and publishes the packages `npm run package` made into an update feed.
// Usage: npm run release -- [--package DIR] [--key FILE] [--feed DIR] [--channel NAME] [--staging PERCENT]
//   --package DIR   npm run package's output (default release/): every gov-kiosk_<version>_<arch>.deb there
//   --key FILE      (or KIOSK_RELEASE_KEY_FILE) the release key: Ed25519 private key, PKCS#8 PEM, held by
//                   the release machine only
//   --feed DIR      the feed root (default <package>/feed): writes <channel>/latest-linux.yml (or
//                   latest-linux-arm64.yml) with the .deb, and the same under <channel>/<version>/ (pins)
//   --channel NAME  default latest (stable); --staging PERCENT adds stagingPercentage
// Refuses (exit 3, one line in Chinese and English, nothing published) a package built on a stand-in
// Electron (STAND-IN-ELECTRON.txt inside), a run without a release key, an unreadable or non-Ed25519
// key, a package whose release public key is not the one built into its shell, and a key whose
// signature the package's updater would not accept (checked with the updater's own
// checkDownloadedUpdate). Exit 0 published, 2 usage error.
import { execFileSync } from 'node:child_process';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDownloadedUpdate, fileSha512, signUpdate } from '../main/electron/update/update-signature';
import { DEB_APP_DIR, RELEASE_KEY_RESOURCE } from './packaging/package-layout';
import { STAND_IN_MARKER } from './packaging/stand-in-electron.mjs';
import { channelFileText, linuxChannelFile } from './packaging/update-feed';

const root = fileURLToPath(new URL('..', import.meta.url));
const DEB_NAME = /^gov-kiosk_[^_]+_(amd64|arm64)\.deb$/;

/** A refusal: printed as one line, exit 3, nothing published. */
class Refused extends Error {}

interface ReleaseArgs {
  packageDir: string;
  keyFile: string | null;
  feed: string;
  channel: string;
  staging: number | undefined;
}

function usage(message: string): never {
  process.stderr.write(`release: ${message}\nusage: npm run release -- [--package DIR] [--key FILE] [--feed DIR] [--channel NAME] [--staging PERCENT]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): ReleaseArgs {
  let packageDir = join(root, 'release');
  let keyFile = process.env.KIOSK_RELEASE_KEY_FILE || null;
  let feed: string | null = null;
  let channel = 'latest';
  let staging: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => argv[++i] ?? usage(`${flag} needs a value`);
    if (flag === '--package') packageDir = resolve(value());
    else if (flag === '--key') keyFile = resolve(value());
    else if (flag === '--feed') feed = resolve(value());
    else if (flag === '--channel') {
      channel = value();
      if (!/^[a-z][a-z0-9-]{0,31}$/.test(channel)) usage(`bad channel ${channel}`);
    } else if (flag === '--staging') {
      staging = Number(value());
      if (!Number.isInteger(staging) || staging < 0 || staging > 100) usage('--staging takes 0..100');
    } else usage(`unknown option ${flag}`);
  }
  return { packageDir, keyFile, feed: feed ?? join(packageDir, 'feed'), channel, staging };
}

/** The release key, or a refusal when none is given or it is not an Ed25519 private key. */
function loadKey(keyFile: string | null): KeyObject {
  if (keyFile === null) throw new Refused('未提供发布私钥（--key 或 KIOSK_RELEASE_KEY_FILE），拒绝发布 · no release key given (--key or KIOSK_RELEASE_KEY_FILE): not published');
  let key: KeyObject;
  try {
    key = createPrivateKey(readFileSync(keyFile, 'utf8'));
  } catch (e) {
    throw new Refused(`发布私钥无法读取 · release key unreadable: ${keyFile}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Refused(`发布私钥不是 Ed25519 · release key is not Ed25519 (${key.asymmetricKeyType ?? 'unknown'}): ${keyFile}`);
  return key;
}

/** What a .deb says of itself, read from its extracted files. */
interface DebFacts {
  version: string;
  arch: 'amd64' | 'arm64';
  standIn: boolean;
  /** The release public key beside the app (resources/release-public-key.pem). */
  publicKeyPem: string;
  /** True when app.asar (where the shell bundle is stored uncompressed) carries that key's body. */
  keyBuiltIn: boolean;
}

function inspectDeb(deb: string): DebFacts {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-release-'));
  try {
    execFileSync('dpkg-deb', ['-x', deb, dir], { stdio: 'ignore' });
    const [version = '', arch = ''] = execFileSync('dpkg-deb', ['-f', deb, 'Version', 'Architecture'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => line.replace(/^[A-Za-z]+:\s*/, ''));
    if (arch !== 'amd64' && arch !== 'arm64') throw new Refused(`不支持的架构 · unsupported architecture ${arch}: ${basename(deb)}`);
    const app = join(dir, DEB_APP_DIR);
    const keyFile = join(app, 'resources', RELEASE_KEY_RESOURCE);
    const publicKeyPem = existsSync(keyFile) ? readFileSync(keyFile, 'utf8') : '';
    const body = publicKeyPem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
    const asar = join(app, 'resources', 'app.asar');
    const keyBuiltIn = body.length > 0 && existsSync(asar) && readFileSync(asar).includes(body);
    return { version, arch, standIn: existsSync(join(app, STAND_IN_MARKER)), publicKeyPem, keyBuiltIn };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function publish(args: ReleaseArgs): Promise<string[]> {
  if (!existsSync(args.packageDir)) usage(`no package directory ${args.packageDir} (npm run package)`);
  const debs = readdirSync(args.packageDir).filter((f) => DEB_NAME.test(f)).map((f) => join(args.packageDir, f));
  if (debs.length === 0) usage(`no gov-kiosk_<version>_<arch>.deb in ${args.packageDir} (npm run package)`);
  const facts = debs.map((deb) => ({ deb, ...inspectDeb(deb) }));
  const standIn = facts.find((f) => f.standIn);
  if (standIn) throw new Refused(`安装包基于替身 Electron 构建，拒绝发布 · ${basename(standIn.deb)} was built on a stand-in Electron (${STAND_IN_MARKER}): not published`);
  const key = loadKey(args.keyFile);
  const signed = [];
  for (const f of facts) {
    if (!f.keyBuiltIn) throw new Refused(`安装包的发布公钥与程序内置的不一致 · ${basename(f.deb)}: ${RELEASE_KEY_RESOURCE} is missing or not the key built into its shell: not published`);
    const sha512 = await fileSha512(f.deb);
    const signature = signUpdate(sha512, key);
    // The package's own updater check, with the key it carries: a release key it would refuse is refused here.
    const refusal = await checkDownloadedUpdate({ file: f.deb, sha512, signature }, f.publicKeyPem);
    if (refusal !== null) throw new Refused(`发布私钥与安装包内置的公钥不匹配 · the release key is not the one ${basename(f.deb)} checks (${refusal}): not published`);
    signed.push({ ...f, sha512, signature, size: statSync(f.deb).size });
  }
  const written: string[] = [];
  const releaseDate = new Date().toISOString();
  for (const s of signed) {
    for (const dir of [join(args.feed, args.channel), join(args.feed, args.channel, s.version)]) {
      mkdirSync(dir, { recursive: true });
      copyFileSync(s.deb, join(dir, basename(s.deb)));
      const channelFile = join(dir, linuxChannelFile(args.channel, s.arch));
      writeFileSync(channelFile, channelFileText({ version: s.version, file: basename(s.deb), sha512: s.sha512, size: s.size, kioskSignature: s.signature, releaseDate, ...(args.staging === undefined ? {} : { stagingPercentage: args.staging }) }));
      written.push(channelFile);
    }
  }
  return written;
}

publish(parseArgs(process.argv.slice(2))).then(
  (written) => {
    for (const file of written) process.stdout.write(`published ${file}\n`);
  },
  (e: unknown) => {
    if (e instanceof Refused) {
      process.stderr.write(`release refused: ${e.message}\n`);
      process.exit(3);
    }
    process.stderr.write(`release: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
