import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDownloadedUpdate, fileSha512, signUpdate } from './update-signature';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function artifact(bytes: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-update-'));
  dirs.push(dir);
  const file = join(dir, 'kiosk_1.2.0_amd64.deb');
  writeFileSync(file, bytes);
  return file;
}

const release = generateKeyPairSync('ed25519');
const releasePem = release.publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('update signatures', () => {
  it('a signed artifact whose bytes match the feed is accepted', async () => {
    const file = artifact('real package');
    const sha512 = await fileSha512(file);
    expect(await checkDownloadedUpdate({ file, sha512, signature: signUpdate(sha512, release.privateKey) }, releasePem)).toBeNull();
  });

  it('refuses unsigned, signed by another key, tampered after signing, and a signature of another artifact', async () => {
    const file = artifact('real package');
    const sha512 = await fileSha512(file);
    const other = generateKeyPairSync('ed25519');
    expect(await checkDownloadedUpdate({ file, sha512, signature: undefined }, releasePem)).toBe('unsigned');
    expect(await checkDownloadedUpdate({ file, sha512, signature: signUpdate(sha512, other.privateKey) }, releasePem)).toBe('bad-signature');
    expect(await checkDownloadedUpdate({ file, sha512, signature: 'bm90IGEgc2lnbmF0dXJl' }, releasePem)).toBe('bad-signature');
    const signature = signUpdate(sha512, release.privateKey);
    writeFileSync(file, 'real package + a payload');
    expect(await checkDownloadedUpdate({ file, sha512, signature }, releasePem)).toBe('digest-mismatch');
    const evil = artifact('evil package');
    const evilSha = await fileSha512(evil);
    expect(await checkDownloadedUpdate({ file: evil, sha512: evilSha, signature }, releasePem)).toBe('bad-signature');
  });
});
