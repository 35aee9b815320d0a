import { openKioskStore, readOrCreateDeviceId } from '../../../offline-cache/index';
import { parseCommandArgs, requireOption } from '../args';
import { EXIT, UsageError, type CliCommand } from '../cli-types';

const usage = `Usage: kioskctl queue status --data-dir DIR [--json]

Shows the offline outbox of DIR: pending, in flight, accepted, rejected,
needing attention, and the age of the oldest undelivered item.

  --json    print exactly {"pending","inFlight","accepted","rejected","needsAttention","oldestPendingAgeSeconds"}

Exit status: 0 ok, 1 failure, 2 usage error.`;

/** `kioskctl queue status`: outbox counts. */
export const queueCommand: CliCommand = {
  name: 'queue',
  summary: 'Show the offline outbox (queue status)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { 'data-dir': { type: 'string' }, json: { type: 'boolean' } });
    if (positionals[0] !== 'status' || positionals.length !== 1) throw new UsageError('expected "queue status"');
    const dataDir = requireOption(values, 'data-dir');
    const store = openKioskStore({ dataDir, deviceId: readOrCreateDeviceId(dataDir) });
    try {
      const s = store.queueStatus();
      const ordered = {
        pending: s.pending,
        inFlight: s.inFlight,
        accepted: s.accepted,
        rejected: s.rejected,
        needsAttention: s.needsAttention,
        oldestPendingAgeSeconds: s.oldestPendingAgeSeconds,
      };
      if (values.json) {
        io.stdout(`${JSON.stringify(ordered)}\n`);
      } else {
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
      }
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
};
