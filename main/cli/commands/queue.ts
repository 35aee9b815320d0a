import type { KioskStore } from '../../../offline-cache/index';
import { parseCommandArgs, requireOption } from '../args';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../cli-types';
import { openExistingStore } from '../existing-store';
import { table } from '../text-table';
import { exportItems, retryItem } from './queue-handover';

const usage = `Usage: kioskctl queue status --data-dir DIR [--json]
       kioskctl queue attention --data-dir DIR [--json]
       kioskctl queue retry ID --data-dir DIR
       kioskctl queue export --data-dir DIR --out FILE [--to-key PUBLIC_KEY.pem]

status     the offline outbox of DIR: pending, in flight, accepted, rejected,
           needing attention, and the age of the oldest undelivered item.
           --json prints exactly {"pending","inFlight","accepted","rejected","needsAttention","oldestPendingAgeSeconds"}
attention  every item the platform rejected (or that cannot be read locally)
           and no technician has dealt with yet, oldest first.
           --json prints an array of {"id","seq","kind","reason","createdAt"}
retry      puts one such item back in the queue (same id: the platform
           dedupes); it is sent at the next sync. Audited.
export     writes every such item to FILE (mode 0600, never overwritten) for
           the platform's support: ids, reasons and service codes readable,
           each item's content (personal data) sealed to a public key —
           --to-key FILE (RSA ≥ 2048 bits or X25519, PEM), else the platform
           key the terminal holds. Audited.

Exit status: 0 ok, 1 failure, 2 usage error (also: no key to seal to,
FILE exists), 3 retry: no such item needing attention, 4 retry: item
unreadable with this terminal's key, 5 no kiosk data in DIR.`;

function status(store: KioskStore, json: boolean, io: CliIo): number {
  const s = store.queueStatus();
  const ordered = {
    pending: s.pending,
    inFlight: s.inFlight,
    accepted: s.accepted,
    rejected: s.rejected,
    needsAttention: s.needsAttention,
    oldestPendingAgeSeconds: s.oldestPendingAgeSeconds,
  };
  if (json) {
    io.stdout(`${JSON.stringify(ordered)}\n`);
    return EXIT.ok;
  }
  io.stdout(
    [
      `待上报 pending:            ${s.pending}`,
      `上报中 in flight:          ${s.inFlight}`,
      `已接收 accepted:           ${s.accepted}`,
      `被拒收 rejected:           ${s.rejected}`,
      `需处理 needs attention:    ${s.needsAttention}`,
      `最早待上报 oldest pending: ${s.oldestPendingAgeSeconds} s`,
      ...store.outbox.needsAttention(20).map((i) => `  ! ${i.kind} #${i.seq} ${i.id}: ${i.reason}`),
    ].join('\n') + '\n',
  );
  return EXIT.ok;
}

function attention(store: KioskStore, json: boolean, io: CliIo): number {
  const items = store.outbox.needsAttention(10_000).map((i) => ({ id: i.id, seq: i.seq, kind: i.kind, reason: i.reason, createdAt: i.createdAt }));
  if (json) {
    io.stdout(`${JSON.stringify(items)}\n`);
    return EXIT.ok;
  }
  if (items.length === 0) {
    io.stdout('没有需处理的条目 / nothing needs attention\n');
    return EXIT.ok;
  }
  io.stdout(`需处理 ${items.length} 条 / ${items.length} item(s) need attention:\n`);
  io.stdout(table([['seq', 'kind', 'id', 'reason', 'createdAt'], ...items.map((i) => [String(i.seq), i.kind, i.id, i.reason, i.createdAt])]));
  io.stdout('重发 / retry: kioskctl queue retry ID --data-dir DIR; 交平台 / hand over: kioskctl queue export --data-dir DIR --out FILE\n');
  return EXIT.ok;
}

/** `kioskctl queue status|attention|retry|export`: the offline outbox. */
export const queueCommand: CliCommand = {
  name: 'queue',
  summary: 'Show the offline outbox; list, retry and export rejected items (queue status|attention|retry|export)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
      out: { type: 'string' },
      'to-key': { type: 'string' },
    });
    const [sub, ...rest] = positionals;
    const arity: Record<string, number> = { status: 0, attention: 0, retry: 1, export: 0 };
    if (sub === undefined || !(sub in arity) || rest.length !== arity[sub]) throw new UsageError('expected "queue status", "queue attention", "queue retry ID" or "queue export --out FILE"');
    if ((values.out !== undefined || values['to-key'] !== undefined) && sub !== 'export') throw new UsageError('--out and --to-key are for "queue export" only');
    if (values.json && (sub === 'retry' || sub === 'export')) throw new UsageError(`--json is not an option of "queue ${sub}"`);
    const dataDir = requireOption(values, 'data-dir');
    const out = sub === 'export' ? requireOption(values, 'out') : '';
    const store = openExistingStore(dataDir, io.keys);
    try {
      if (sub === 'status') return status(store, values.json === true, io);
      if (sub === 'attention') return attention(store, values.json === true, io);
      if (sub === 'retry') return retryItem(store, rest[0]!, io);
      return exportItems(store, out, values['to-key'] as string | undefined, io);
    } finally {
      store.close();
    }
  },
};
