import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../tooling/repo-root';

const work = mkdtempSync(join(tmpdir(), 'kiosk-release-key-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs scripts/build-electron.mjs with `--release-public-key <pem>` into a fresh directory. */
function buildWithKey(name: string, pem: string): { status: number | null; stderr: string; outdir: string } {
  const file = join(work, `${name}.pem`);
  writeFileSync(file, pem);
  const outdir = join(work, `out-${name}`);
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build-electron.mjs'), '--quiet', '--outdir', outdir, '--release-public-key', file], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, outdir };
}

describe('build-electron --release-public-key refuses what is not an Ed25519 public key (exit 2, nothing built)', () => {
  it.each([
    ['an Ed25519 private key (would ship the release secret)', () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), /not a public key/],
    ['an RSA public key', () => generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString(), /not an Ed25519 key/],
    ['text that is no key', () => 'hello\n', /not a public key/],
  ])('%s', (name, pem, message) => {
    const r = buildWithKey(name.replace(/\W+/g, '-'), pem());
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(r.outdir, 'main.cjs'))).toBe(false);
  });
});
