import { readFileSync, renameSync, writeFileSync, existsSync, unlinkSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { buildAttentionExport, parseRecipientKey, PLATFORM_PUBLIC_KEY_CONFIG_KEY, publicKeyFingerprint, type KioskStore } from '../../../offline-cache/index';
import { EXIT, UsageError, type CliIo } from '../cli-types';

/** Exit status of `queue retry` when no rejected, unresolved item has that id. */
export const EXIT_NO_SUCH_ITEM = 3;
/** Exit status of `queue retry` when the item's local row cannot be opened with this key. */
export const EXIT_UNREADABLE_ITEM = 4;

/** `queue retry ID`: a rejected item goes back to pending; audited. */
export function retryItem(store: KioskStore, id: string, io: CliIo): number {
  const item = store.outbox.needsAttention(10_000).find((i) => i.id === id);
  const outcome = store.outbox.retry(id);
  if (outcome === 'not-found') {
    io.stderr(`kioskctl queue: 没有需处理的条目 ${id} / no item needing attention with id ${id}\n`);
    return EXIT_NO_SUCH_ITEM;
  }
  if (outcome === 'unreadable') {
    io.stderr(`kioskctl queue: 条目 ${id} 无法用本机密钥读取，不能重发 / item ${id} cannot be read with this terminal's key: it cannot be sent again (export it and contact support)\n`);
    return EXIT_UNREADABLE_ITEM;
  }
  store.audit.append('kioskctl.queue.retry', { id, kind: item?.kind ?? null, seq: item?.seq ?? null, previousReason: item?.reason ?? null });
  io.stdout(`已重新排队 / queued again: ${id} (下次同步发送 / sent at the next sync: kioskctl sync now)\n`);
  return EXIT.ok;
}

/** The recipient key: `--to-key FILE`, else the platform key in the store, else a usage error. */
function recipientKey(store: KioskStore, toKey: string | undefined): KeyObject {
  let pem: string;
  let source: string;
  if (toKey !== undefined) {
    try {
      pem = readFileSync(toKey, 'utf8');
    } catch (e) {
      throw new UsageError(`--to-key ${toKey}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    source = `--to-key ${toKey}`;
  } else {
    const stored = store.config.get(PLATFORM_PUBLIC_KEY_CONFIG_KEY);
    if (typeof stored !== 'string' || stored.length === 0) {
      throw new UsageError('本终端还没有平台公钥，请用 --to-key 指定接收方公钥（PEM）/ this terminal has no platform key yet: name the recipient public key (PEM) with --to-key FILE');
    }
    pem = stored;
    source = 'the platform key';
  }
  try {
    return parseRecipientKey(pem);
  } catch (e) {
    throw new UsageError(`${source}: ${(e as Error).message}`);
  }
}

/**
 * `queue export --out FILE [--to-key PEM]`: writes every item needing
 * attention to FILE (mode 0600, never overwriting) with each body sealed to
 * the recipient key; audited. The file is written to a temporary name beside
 * FILE and renamed, so a crash leaves no half file under FILE.
 */
export function exportItems(store: KioskStore, out: string, toKey: string | undefined, io: CliIo, now: Date = new Date()): number {
  if (existsSync(out)) throw new UsageError(`--out ${out} already exists (不覆盖已有文件 / an existing file is never overwritten)`);
  const recipient = recipientKey(store, toKey);
  const doc = buildAttentionExport(store.outbox, store.deviceId, recipient, now);
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, `${JSON.stringify(doc, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    renameSync(temp, out);
  } catch (e) {
    if (existsSync(temp)) unlinkSync(temp);
    io.stderr(`kioskctl queue: 无法写入 ${out} / cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return EXIT.failure;
  }
  const fingerprint = publicKeyFingerprint(recipient);
  store.audit.append('kioskctl.queue.export', { items: doc.items.length, ids: doc.items.map((i) => i.id), scheme: doc.key.scheme, recipientFingerprint: fingerprint, out });
  io.stdout(`已导出 ${doc.items.length} 条 / exported ${doc.items.length} item(s) to ${out} (sealed to key ${fingerprint.slice(0, 16)}…, ${doc.key.scheme})\n`);
  return EXIT.ok;
}
