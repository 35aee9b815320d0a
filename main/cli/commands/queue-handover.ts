import { existsSync, readFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { parseRecipientKey, type KioskStore } from '../../../offline-cache/index';
import { retryAttentionItem, storedPlatformKey, writeAttentionExport } from '../../core/queue/attention-handover';
import { EXIT, UsageError, type CliIo } from '../cli-types';

/** Exit status of `queue retry` when no rejected, unresolved item has that id. */
export const EXIT_NO_SUCH_ITEM = 3;
/** Exit status of `queue retry` when the item's local row cannot be opened with this key. */
export const EXIT_UNREADABLE_ITEM = 4;

/** `queue retry ID`: a rejected item goes back to pending; audited (main/core/queue/attention-handover.ts). */
export function retryItem(store: KioskStore, id: string, io: CliIo): number {
  const r = retryAttentionItem(store, id, 'kioskctl.queue.retry');
  if (r.outcome === 'not-found') {
    io.stderr(`kioskctl queue: 没有需处理的条目 ${id} / no item needing attention with id ${id}\n`);
    return EXIT_NO_SUCH_ITEM;
  }
  if (r.outcome === 'unreadable') {
    io.stderr(`kioskctl queue: 条目 ${id} 无法用本机密钥读取，不能重发 / item ${id} cannot be read with this terminal's key: it cannot be sent again (export it and contact support)\n`);
    return EXIT_UNREADABLE_ITEM;
  }
  io.stdout(`已重新排队 / queued again: ${id} (下次同步发送 / sent at the next sync: kioskctl sync now)\n`);
  return EXIT.ok;
}

/** The recipient key: `--to-key FILE`, else the platform key in the store, else a usage error. */
function recipientKey(store: KioskStore, toKey: string | undefined): KeyObject {
  if (toKey === undefined) {
    let stored: KeyObject | null;
    try {
      stored = storedPlatformKey(store);
    } catch (e) {
      throw new UsageError(`the platform key: ${(e as Error).message}`);
    }
    if (!stored) throw new UsageError('本终端还没有平台公钥，请用 --to-key 指定接收方公钥（PEM）/ this terminal has no platform key yet: name the recipient public key (PEM) with --to-key FILE');
    return stored;
  }
  let pem: string;
  try {
    pem = readFileSync(toKey, 'utf8');
  } catch (e) {
    throw new UsageError(`--to-key ${toKey}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return parseRecipientKey(pem);
  } catch (e) {
    throw new UsageError(`--to-key ${toKey}: ${(e as Error).message}`);
  }
}

/**
 * `queue export --out FILE [--to-key PEM]`: writes every item needing
 * attention to FILE (mode 0600, never overwriting) with each body sealed to
 * the recipient key; audited (main/core/queue/attention-handover.ts).
 */
export function exportItems(store: KioskStore, out: string, toKey: string | undefined, io: CliIo, now: Date = new Date()): number {
  if (existsSync(out)) throw new UsageError(`--out ${out} already exists (不覆盖已有文件 / an existing file is never overwritten)`);
  const recipient = recipientKey(store, toKey);
  let written;
  try {
    written = writeAttentionExport(store, out, recipient, 'kioskctl.queue.export', now);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`--out ${out} already exists (不覆盖已有文件 / an existing file is never overwritten)`);
    io.stderr(`kioskctl queue: 无法写入 ${out} / cannot write ${out}: ${code ?? (e as Error).message}\n`);
    return EXIT.failure;
  }
  io.stdout(`已导出 ${written.items} 条 / exported ${written.items} item(s) to ${out} (sealed to key ${written.recipientFingerprint.slice(0, 16)}…, ${written.scheme})\n`);
  return EXIT.ok;
}
