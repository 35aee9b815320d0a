import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Domain separation of an update signature: what is signed is this line, then the artifact's sha512 (base64). */
export const UPDATE_SIGNATURE_CONTEXT = 'kiosk-update-v1';

/** Why a downloaded update is refused. */
export type UpdateRefusal = 'unsigned' | 'bad-signature' | 'digest-mismatch';

/** The bytes an update signature covers: `kiosk-update-v1\n<sha512 base64>`. */
export function updateSignaturePayload(sha512Base64: string): Buffer {
  return Buffer.from(`${UPDATE_SIGNATURE_CONTEXT}\n${sha512Base64}`, 'utf8');
}

/** Signs an artifact's sha512 (base64, as in latest*.yml) with the release key (Ed25519); returns the signature in base64. For the release script and tests. */
export function signUpdate(sha512Base64: string, privateKey: KeyObject): string {
  return sign(null, updateSignaturePayload(sha512Base64), privateKey).toString('base64');
}

/** SHA-512 of a file, base64 (the form electron-builder writes into latest*.yml). Rejects when the file cannot be read. */
export function fileSha512(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha512');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('base64')));
  });
}

/** What {@link checkDownloadedUpdate} needs of a downloaded update. */
export interface DownloadedUpdate {
  /** Path of the downloaded artifact. */
  file: string;
  /** The artifact's sha512 (base64) as the update feed states it. */
  sha512: string;
  /** Detached Ed25519 signature (base64) over {@link updateSignaturePayload}; absent = unsigned. */
  signature: string | undefined;
}

/**
 * Checks a downloaded artifact before it may be installed: the file's
 * sha512 must be the one the feed states (electron-updater checks this too;
 * checked again here because the file is read again just before install),
 * and the feed's `kioskSignature` must be a valid Ed25519 signature by the
 * release key over that sha512. Resolves the refusal reason, or null when
 * the update may be installed. Never throws for a bad signature.
 */
export async function checkDownloadedUpdate(update: DownloadedUpdate, publicKeyPem: string): Promise<UpdateRefusal | null> {
  if (!update.signature) return 'unsigned';
  if ((await fileSha512(update.file)) !== update.sha512) return 'digest-mismatch';
  let ok = false;
  try {
    ok = verify(null, updateSignaturePayload(update.sha512), createPublicKey(publicKeyPem), Buffer.from(update.signature, 'base64'));
  } catch {
    ok = false;
  }
  return ok ? null : 'bad-signature';
}
