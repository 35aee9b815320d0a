#!/usr/bin/env node
// @ts-check
/**
 * The root-side installer of the kiosk (Linux): the only thing that changes
 * the installed software, so no update path ever asks for a password on
 * screen (electron-updater's deb path, which runs pkexec, is never used).
 *
 * Plain Node, no dependencies, run as root by systemd
 * (build/linux/gov-kiosk-installer.path starts gov-kiosk-installer.service
 * when a request lands in the spool; a timer runs it every minute for the
 * health deadline; gov-kiosk.service's OnFailure runs `--rollback-pending`).
 *
 * A/B install directories: `<root>/a` and `<root>/b` hold two versions,
 * `<root>/current` is a symlink to one of them, switched atomically
 * (rename of a new symlink over the old one). An install goes into the
 * inactive slot; the slot that was active is kept as the rollback target.
 *
 * Requests (written by the kiosk, unprivileged, into `<spool>/incoming`:
 * the artifact first, then `<id>.json` by rename):
 *   {id, action: "install", version, artifact: "<id>.deb", sha512, signature, healthDeadlineMs}
 *   {id, action: "confirm", version}            the new version reported healthy
 *   {id, action: "rollback", reason}            switch back to the kept slot
 * An install is accepted only when the artifact's sha512 is the stated one
 * and the detached Ed25519 signature (base64, over
 * `kiosk-update-v1\n<sha512 base64>`) verifies with the release public key
 * (a root-owned file); its package name and version are the expected ones.
 * Anything else is refused before any slot is touched.
 * Each request gets `<spool>/results/<id>.json` ({id, action, ok, reason?,
 * version?, slot?, switchMs?, durationMs, at}); a rollback the installer
 * decides itself (deadline passed) gets `results/auto-rollback-<ms>.json`.
 *
 * Usage: kiosk-installer.mjs [--once | --watch | --rollback-pending]
 *   --root DIR        install root (default /opt/gov-kiosk)
 *   --spool DIR       spool (default /var/spool/gov-kiosk-update)
 *   --state DIR       installer state, root only (default /var/lib/gov-kiosk-installer)
 *   --public-key FILE release key, SPKI PEM (default /usr/lib/gov-kiosk-installer/release-public-key.pem)
 *   --package NAME    expected deb package name (default gov-kiosk)
 * Exit code 0 when every request was handled (refusals included), 1 on an
 * installer fault, 2 on a usage error.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SIGNATURE_CONTEXT = 'kiosk-update-v1';
const ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
const SEMVER = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})(-[0-9A-Za-z]+(\.[0-9A-Za-z]+)*)?$/;
const MAX_ARTIFACT_BYTES = 1024 * 1024 * 1024;
const MAX_REQUEST_BYTES = 16 * 1024;

/** @typedef {{root: string, spool: string, state: string, publicKey: string, packageName: string, now: () => number}} Paths */
/** @typedef {{slot: 'a' | 'b', version: string, previousSlot: 'a' | 'b' | null, previousVersion: string | null, deadline: number}} Pending */

/**
 * Parses the command line.
 * @param {string[]} argv
 * @returns {{mode: 'once' | 'watch' | 'rollback-pending', paths: Paths}}
 */
function parseArgs(argv) {
  /** @type {Record<string, string>} */
  const values = {
    root: '/opt/gov-kiosk',
    spool: '/var/spool/gov-kiosk-update',
    state: '/var/lib/gov-kiosk-installer',
    'public-key': '/usr/lib/gov-kiosk-installer/release-public-key.pem',
    package: 'gov-kiosk',
  };
  /** @type {'once' | 'watch' | 'rollback-pending'} */
  let mode = 'once';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--once' || a === '--watch' || a === '--rollback-pending') mode = /** @type {typeof mode} */ (a.slice(2));
    else if (a.startsWith('--') && a.slice(2) in values && argv[i + 1] !== undefined) values[a.slice(2)] = argv[++i] ?? '';
    else throw new UsageError(`unknown argument ${a.slice(0, 40)}`);
  }
  return {
    mode,
    paths: { root: values.root ?? '', spool: values.spool ?? '', state: values.state ?? '', publicKey: values['public-key'] ?? '', packageName: values.package ?? '', now: Date.now },
  };
}

class UsageError extends Error {}

/** A refusal: the request is answered `ok: false` with this reason; nothing was changed. */
class Refused extends Error {}

/** @param {string} line */
function log(line) {
  process.stdout.write(`kiosk-installer: ${line}\n`);
}

/**
 * Writes a file atomically: temp file, fsync, rename, fsync of the directory.
 * The application has the same function (offline-cache/fs/write-file-atomic.ts);
 * this root-side script keeps its own copy on purpose, as it imports nothing
 * from the application it installs.
 * @param {string} path
 * @param {string} text
 */
function writeAtomic(path, text) {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o644);
  try {
    writeFileSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  syncDir(join(path, '..'));
}

/** @param {string} dir */
function syncDir(dir) {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** @param {string} file */
function sha512Of(file) {
  return createHash('sha512').update(readFileSync(file)).digest('base64');
}

/**
 * True when `signature` (base64) is the release key's Ed25519 signature over `kiosk-update-v1\n<sha512>`.
 * @param {string} sha512 @param {string} signature @param {string} publicKeyPem
 */
function signatureValid(sha512, signature, publicKeyPem) {
  try {
    return verify(null, Buffer.from(`${SIGNATURE_CONTEXT}\n${sha512}`, 'utf8'), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * The slot `current` points at, or null when there is none yet.
 * @param {Paths} p
 * @returns {'a' | 'b' | null}
 */
function activeSlot(p) {
  try {
    const target = readlinkSync(join(p.root, 'current'));
    return target === 'a' || target === 'b' ? target : null;
  } catch {
    return null;
  }
}

/**
 * Points `current` at `slot` atomically (a new symlink renamed over the old); returns the time it took, in ms.
 * @param {Paths} p @param {'a' | 'b'} slot
 */
function switchTo(p, slot) {
  const started = performance.now();
  const tmp = join(p.root, `.current-${process.pid}`);
  rmSync(tmp, { force: true });
  symlinkSync(slot, tmp);
  renameSync(tmp, join(p.root, 'current'));
  syncDir(p.root);
  return performance.now() - started;
}

/** @param {Paths} p @param {'a' | 'b'} slot @returns {string | null} */
function slotVersion(p, slot) {
  try {
    const v = JSON.parse(readFileSync(join(p.root, slot, '.kiosk-slot.json'), 'utf8')).version;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** @param {Paths} p @returns {Pending | null} */
function readPending(p) {
  try {
    return JSON.parse(readFileSync(join(p.state, 'pending.json'), 'utf8'));
  } catch {
    return null;
  }
}

/** @param {Paths} p */
function clearPending(p) {
  rmSync(join(p.state, 'pending.json'), { force: true });
}

/**
 * Installs a signed artifact into the inactive slot and switches `current` to it.
 * @param {Paths} p @param {Record<string, unknown>} req
 */
function install(p, req) {
  const { id, version, artifact, sha512, signature } = req;
  if (typeof version !== 'string' || !SEMVER.test(version)) throw new Refused('bad-version');
  if (artifact !== `${String(id)}.deb`) throw new Refused('bad-artifact-name');
  if (typeof sha512 !== 'string' || !/^[A-Za-z0-9+/]{86}==$/.test(sha512)) throw new Refused('bad-sha512');
  if (typeof signature !== 'string' || signature.length === 0) throw new Refused('unsigned');
  if (signature.length > 200) throw new Refused('bad-signature');
  const deadlineMs = typeof req.healthDeadlineMs === 'number' && req.healthDeadlineMs > 0 ? Math.min(req.healthDeadlineMs, 24 * 3600_000) : 600_000;
  const source = join(p.spool, 'incoming', artifact);
  let st;
  try {
    st = lstatSync(source);
  } catch {
    throw new Refused('artifact-missing');
  }
  if (!st.isFile() || st.size > MAX_ARTIFACT_BYTES) throw new Refused('artifact-not-a-file');
  // Verify a copy the kiosk user cannot change any more (no check-then-use race on the spool file).
  const work = join(p.state, 'work');
  mkdirSync(work, { recursive: true, mode: 0o700 });
  const copy = join(work, `${String(id)}.deb`);
  copyFileSync(source, copy);
  try {
    if (sha512Of(copy) !== sha512) throw new Refused('digest-mismatch');
    if (!signatureValid(sha512, signature, readFileSync(p.publicKey, 'utf8'))) throw new Refused('bad-signature');
    let fields;
    try {
      fields = execFileSync('dpkg-deb', ['-f', copy, 'Package', 'Version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      throw new Refused('not-a-package');
    }
    if (!fields.includes(`Package: ${p.packageName}\n`)) throw new Refused('wrong-package');
    if (!fields.includes(`Version: ${version}\n`)) throw new Refused('version-mismatch');

    const active = activeSlot(p);
    const slot = active === 'a' ? 'b' : 'a';
    const fresh = join(p.root, `.${slot}.new`);
    rmSync(fresh, { recursive: true, force: true });
    mkdirSync(fresh, { recursive: true, mode: 0o755 });
    execFileSync('dpkg-deb', ['-x', copy, fresh], { stdio: 'ignore' });
    writeFileSync(join(fresh, '.kiosk-slot.json'), `${JSON.stringify({ version, sha512, installedAt: new Date(p.now()).toISOString() })}\n`);
    rmSync(join(p.root, slot), { recursive: true, force: true });
    renameSync(fresh, join(p.root, slot));
    const switchMs = switchTo(p, slot);
    /** @type {Pending} */
    const pending = { slot, version, previousSlot: active, previousVersion: active ? slotVersion(p, active) : null, deadline: p.now() + deadlineMs };
    writeAtomic(join(p.state, 'pending.json'), `${JSON.stringify(pending)}\n`);
    log(`installed ${version} into slot ${slot} (previous ${pending.previousVersion ?? 'none'} kept in ${active ?? '-'}), switch ${switchMs.toFixed(2)} ms`);
    return { version, slot, switchMs };
  } finally {
    rmSync(copy, { force: true });
  }
}

/**
 * Switches back to the kept slot of the pending install.
 * @param {Paths} p @param {string} reason
 */
function rollback(p, reason) {
  const pending = readPending(p);
  if (!pending) throw new Refused('nothing-pending');
  if (!pending.previousSlot || !existsSync(join(p.root, pending.previousSlot))) throw new Refused('previous-missing');
  const switchMs = switchTo(p, pending.previousSlot);
  clearPending(p);
  log(`rolled back from ${pending.version} to ${pending.previousVersion ?? '?'} (slot ${pending.previousSlot}, ${reason}), switch ${switchMs.toFixed(2)} ms`);
  return { version: pending.previousVersion, slot: pending.previousSlot, switchMs, from: pending.version };
}

/**
 * Records that the pending install reported healthy: it stays, no rollback any more.
 * @param {Paths} p @param {Record<string, unknown>} req
 */
function confirm(p, req) {
  const pending = readPending(p);
  if (!pending) throw new Refused('nothing-pending');
  if (req.version !== pending.version) throw new Refused('version-mismatch');
  clearPending(p);
  log(`version ${pending.version} confirmed healthy`);
  return { version: pending.version, slot: pending.slot };
}

/**
 * Handles one request file; always writes a result (unless the name is unusable) and removes the request and its artifact.
 * @param {Paths} p @param {string} name
 */
function handle(p, name) {
  const started = performance.now();
  const id = name.slice(0, -'.json'.length);
  const file = join(p.spool, 'incoming', name);
  if (!ID.test(id)) {
    rmSync(file, { force: true });
    return;
  }
  /** @type {Record<string, unknown>} */
  let result;
  let action = 'unknown';
  try {
    const st = lstatSync(file);
    if (!st.isFile() || st.size > MAX_REQUEST_BYTES) throw new Refused('bad-request');
    /** @type {Record<string, unknown>} */
    let req;
    try {
      req = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      throw new Refused('bad-request');
    }
    if (req === null || typeof req !== 'object' || req.id !== id) throw new Refused('bad-request');
    action = String(req.action).slice(0, 20);
    const reason = typeof req.reason === 'string' ? req.reason.replace(/[^a-z-]/g, '').slice(0, 40) : 'requested';
    const done = action === 'install' ? install(p, req) : action === 'rollback' ? rollback(p, reason) : action === 'confirm' ? confirm(p, req) : null;
    if (!done) throw new Refused('unknown-action');
    result = { ok: true, ...done };
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    log(`refused ${action} ${id}: ${e.message}`);
    result = { ok: false, reason: e.message };
  } finally {
    rmSync(file, { force: true });
    rmSync(join(p.spool, 'incoming', `${id}.deb`), { force: true });
  }
  writeResult(p, id, { id, action, ...result, durationMs: Math.round(performance.now() - started), at: new Date(p.now()).toISOString() });
}

/** @param {Paths} p @param {string} id @param {Record<string, unknown>} result */
function writeResult(p, id, result) {
  const dir = join(p.spool, 'results');
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  writeAtomic(join(dir, `${id}.json`), `${JSON.stringify(result)}\n`);
}

/**
 * Rolls back on its own when a pending install passed its health deadline unconfirmed (the new version never said healthy).
 * @param {Paths} p
 */
function checkDeadline(p) {
  const pending = readPending(p);
  if (!pending || p.now() <= pending.deadline) return;
  autoRollback(p, 'health-deadline');
}

/** @param {Paths} p @param {string} reason */
function autoRollback(p, reason) {
  const started = performance.now();
  try {
    const done = rollback(p, reason);
    writeResult(p, `auto-rollback-${p.now()}`, { id: null, action: 'rollback', reason, ok: true, ...done, durationMs: Math.round(performance.now() - started), at: new Date(p.now()).toISOString() });
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    log(`no rollback (${reason}): ${e.message}`);
  }
}

/** Handles every complete request in the spool (oldest name first), then the deadline. @param {Paths} p */
function runOnce(p) {
  const incoming = join(p.spool, 'incoming');
  mkdirSync(incoming, { recursive: true });
  mkdirSync(p.state, { recursive: true, mode: 0o700 });
  const names = readdirSync(incoming).filter((n) => n.endsWith('.json')).sort();
  for (const name of names) handle(p, name);
  checkDeadline(p);
}

function main() {
  let parsed;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`kiosk-installer: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
  const { mode, paths } = parsed;
  if (mode === 'rollback-pending') {
    mkdirSync(paths.state, { recursive: true, mode: 0o700 });
    autoRollback(paths, 'kiosk-failed');
    return;
  }
  runOnce(paths);
  if (mode !== 'watch') return;
  // Development and tests: the path unit's job in a loop (fs events plus a 200 ms poll for the deadline).
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    try {
      runOnce(paths);
    } finally {
      busy = false;
    }
  };
  watch(join(paths.spool, 'incoming'), tick);
  setInterval(tick, 200);
  process.on('SIGTERM', () => process.exit(0));
}

try {
  main();
} catch (e) {
  process.stderr.write(`kiosk-installer: fault: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
