import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Default spool of the root-side installer (build/linux/installer/kiosk-installer.mjs). */
export const DEFAULT_INSTALLER_SPOOL = '/var/spool/gov-kiosk-update';

/** The installer's answer to one request (`<spool>/results/<id>.json`). */
export interface InstallerResult {
  id: string;
  action: 'install' | 'rollback' | 'confirm' | string;
  ok: boolean;
  /** Why it was refused (`unsigned`, `bad-signature`, `digest-mismatch`, `nothing-pending`, …); absent when ok. */
  reason?: string;
  /** The version now in `current` (install, rollback) or confirmed. */
  version?: string | null;
  /** The slot `current` points at (`a` or `b`). */
  slot?: string;
  /** How long the atomic switch of `current` took, in ms. */
  switchMs?: number;
  /** How long the whole request took inside the installer, in ms. */
  durationMs?: number;
}

/** What the kiosk's update code asks of the installer. */
export interface Installer {
  /** Hands a downloaded, already checked artifact to the installer; resolves its answer. */
  install(request: { file: string; version: string; sha512: string; signature: string; healthDeadlineMs: number }): Promise<InstallerResult>;
  /** Asks to switch back to the kept slot (failed health check). */
  rollback(reason: string): Promise<InstallerResult>;
  /** Says the pending version reported healthy (the installer stops its own deadline). */
  confirm(version: string): Promise<InstallerResult>;
}

/** Options of {@link spoolInstaller}. */
export interface SpoolInstallerOptions {
  /** The installer's spool (kiosk-writable `incoming/`, root-written `results/`). Default {@link DEFAULT_INSTALLER_SPOOL}. */
  spool?: string;
  /** How long to wait for the installer's answer, in ms. Default 120 000 (a large artifact is copied, hashed and unpacked). */
  timeoutMs?: number;
  /** Poll interval for the result file, in ms. Default 100. */
  pollMs?: number;
}

/**
 * The kiosk's side of the root-side installer: requests are files in the
 * spool (the artifact first, then `<id>.json` by rename, so the installer
 * never reads half a request); the answer is `results/<id>.json`. The
 * kiosk runs unprivileged and never calls pkexec, sudo or dpkg itself.
 * A request not answered within `timeoutMs` rejects (the request stays in
 * the spool; the installer answers it when it runs).
 */
export function spoolInstaller(options: SpoolInstallerOptions = {}): Installer {
  const spool = options.spool ?? DEFAULT_INSTALLER_SPOOL;
  const incoming = join(spool, 'incoming');
  const timeoutMs = options.timeoutMs ?? 120_000;
  const pollMs = options.pollMs ?? 100;

  const submit = async (body: Record<string, unknown>, artifact?: string): Promise<InstallerResult> => {
    mkdirSync(incoming, { recursive: true });
    const id = randomUUID();
    if (artifact) copyFileSync(artifact, join(incoming, `${id}.deb`));
    const tmp = join(incoming, `${id}.json.part`);
    writeFileSync(tmp, JSON.stringify({ id, ...body, ...(artifact ? { artifact: `${id}.deb` } : {}) }));
    renameSync(tmp, join(incoming, `${id}.json`));
    const resultFile = join(spool, 'results', `${id}.json`);
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(resultFile)) {
      if (Date.now() > deadline) throw new Error(`the installer did not answer request ${id} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, pollMs));
    }
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as InstallerResult;
    rmSync(resultFile, { force: true });
    return result;
  };

  return {
    install: (r) => submit({ action: 'install', version: r.version, sha512: r.sha512, signature: r.signature, healthDeadlineMs: r.healthDeadlineMs }, r.file),
    rollback: (reason) => submit({ action: 'rollback', reason }),
    confirm: (version) => submit({ action: 'confirm', version }),
  };
}
