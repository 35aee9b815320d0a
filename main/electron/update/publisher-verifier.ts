import { execFile } from 'node:child_process';
import { normalize } from 'node:path';

/** The fields of PowerShell's `Get-AuthenticodeSignature` result the publisher check reads. */
export interface AuthenticodeInfo {
  /** `System.Management.Automation.SignatureStatus`: 0 = Valid; anything else (NotSigned 2, HashMismatch 3, ...) is refused. */
  Status: number;
  StatusMessage?: string;
  /** The file the signature was read from (must be the downloaded file). */
  Path?: string;
  /** The signing certificate; `Subject` is its distinguished name, e.g. `CN=某某科技有限公司, O=某某科技有限公司, C=CN`. */
  SignerCertificate?: { Subject?: string } | null;
}

/** Reads a file's Authenticode signature; rejects when it cannot be read. */
export type ReadAuthenticode = (file: string) => Promise<AuthenticodeInfo>;

/** electron-updater's `verifyUpdateCodeSignature` contract: null = accepted, otherwise why the installer is refused. */
export type PublisherVerifier = (publisherNames: string[], file: string) => Promise<string | null>;

/**
 * Reads a file's Authenticode signature with PowerShell's
 * `Get-AuthenticodeSignature` (Windows only), as electron-updater's own
 * verifier does. Rejects on any failure (PowerShell missing or too old,
 * timeout after 20 s, output that is not JSON).
 */
export function readAuthenticodeWithPowerShell(file: string): Promise<AuthenticodeInfo> {
  const literal = file.replace(/'/g, "''");
  const command = `Get-AuthenticodeSignature -LiteralPath '${literal}' | ConvertTo-Json -Compress -Depth 3`;
  return new Promise((resolve, reject) => {
    execFile('powershell.exe', ['-NoProfile', '-NonInteractive', '-InputFormat', 'None', '-Command', command], { timeout: 20_000, windowsHide: true }, (error, stdout, stderr) => {
      if (error) return reject(error);
      if (stderr.trim()) return reject(new Error(`Get-AuthenticodeSignature: ${stderr.trim()}`));
      try {
        resolve(JSON.parse(stdout) as AuthenticodeInfo);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

/**
 * A distinguished name (`CN=A, O="B, Inc.", C=CN`) as attribute → value,
 * attribute names upper-cased; values may be double-quoted (commas inside)
 * or backslash-escaped. A string without `=` yields an empty map.
 */
export function parseDistinguishedName(dn: string): Map<string, string> {
  const out = new Map<string, string>();
  let key = '';
  let value = '';
  let inKey = true;
  let inQuotes = false;
  let quoted = false;
  const flush = (): void => {
    const k = key.trim().toUpperCase();
    if (!inKey && k) out.set(k, quoted ? value : value.trim());
    key = '';
    value = '';
    inKey = true;
    quoted = false;
  };
  for (let i = 0; i < dn.length; i++) {
    let c = dn[i]!;
    if (c === '\\' && i + 1 < dn.length) c = dn[++i]!;
    else if (!inKey && c === '"' && (inQuotes || value.trim() === '')) {
      if (!inQuotes) value = '';
      inQuotes = !inQuotes;
      quoted = true;
      continue;
    } else if (!inQuotes && (c === ',' || c === ';')) {
      flush();
      continue;
    } else if (inKey && c === '=') {
      inKey = false;
      continue;
    }
    if (inKey) key += c;
    else if (inQuotes || !quoted) value += c;
  }
  flush();
  return out;
}

/** True when `subject` matches one configured publisher: every attribute of a full DN equal, or a bare name equal to the subject's CN. */
function publisherMatches(names: readonly string[], subject: string): boolean {
  const signer = parseDistinguishedName(subject);
  return names.some((name) => {
    const wanted = parseDistinguishedName(name);
    if (wanted.size === 0) return name.trim() !== '' && signer.get('CN') === name.trim();
    return [...wanted].every(([k, v]) => signer.get(k) === v);
  });
}

/**
 * The kiosk's Windows installer check, installed as the NsisUpdater's
 * `verifyUpdateCodeSignature`: electron-updater calls it with the
 * publisher names of `app-update.yml` (electron-builder writes them from
 * `win.signtoolOptions.publisherName`) and the downloaded installer before
 * the download counts as done. Accepts (null) only a valid Authenticode
 * signature (status 0) of that very file whose signer matches one of the
 * names. Unlike electron-updater's default verifier, which accepts when
 * PowerShell cannot run, it fails closed: no names, an unreadable
 * signature or any error is a refusal (a reason string), never an
 * acceptance. Never rejects.
 */
export function createPublisherVerifier(read: ReadAuthenticode = readAuthenticodeWithPowerShell): PublisherVerifier {
  return async (publisherNames, file) => {
    if (publisherNames.length === 0) return 'no publisher name configured (win.signtoolOptions.publisherName)';
    let info: AuthenticodeInfo;
    try {
      info = await read(file);
    } catch (e) {
      return `signature could not be read: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (info.Status !== 0) return `signature status ${info.Status}${info.StatusMessage ? ` (${info.StatusMessage})` : ''}: not a valid signature`;
    if (info.Path !== undefined && normalize(info.Path) !== normalize(file)) return `signature read from ${info.Path}, not ${file}`;
    const subject = info.SignerCertificate?.Subject ?? '';
    if (!publisherMatches(publisherNames, subject)) return `signed by "${subject}", not by ${publisherNames.join(' | ')}`;
    return null;
  };
}
