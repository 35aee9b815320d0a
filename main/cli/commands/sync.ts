import { createPlatformClient, createSyncEngine, DEFAULT_BATCH_SIZE } from '../../../uplink/index';
import { intOption, parseCommandArgs, requireOption } from '../args';
import { EXIT, UsageError, type CliCommand } from '../cli-types';
import { openExistingStore } from '../existing-store';

/** Exit status when the platform could not be reached. */
export const EXIT_UNREACHABLE = 6;

const usage = `Usage: kioskctl sync now --data-dir DIR --platform URL [--batch-size N] [--timeout-ms MS]

Runs one sync pass: sends every undelivered transaction, rating and telemetry
item of DIR to the platform at URL, in batches, until the outbox is drained or
a request fails.

  --batch-size N    items per request (default ${DEFAULT_BATCH_SIZE}, max 500)
  --timeout-ms MS   per-request timeout (default 15000)

Exit status: 0 drained and nothing rejected, 1 the platform rejected an item
in this pass (see "kioskctl queue attention") or the outbox is not drained
(the platform refused the request or answered badly), 2 usage error,
5 no kiosk data in DIR, 6 platform unreachable.`;

/** `kioskctl sync now`: one delivery pass. */
export const syncCommand: CliCommand = {
  name: 'sync',
  summary: 'Deliver the offline outbox to the platform now (sync now)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      'data-dir': { type: 'string' },
      platform: { type: 'string' },
      'batch-size': { type: 'string' },
      'timeout-ms': { type: 'string' },
    });
    if (positionals[0] !== 'now' || positionals.length !== 1) throw new UsageError('expected "sync now"');
    const dataDir = requireOption(values, 'data-dir');
    const platform = requireOption(values, 'platform');
    if (!/^https?:\/\//.test(platform)) throw new UsageError('--platform must be an http(s) URL');
    const batchSize = intOption(values, 'batch-size', DEFAULT_BATCH_SIZE);
    const timeoutMs = intOption(values, 'timeout-ms', 15_000);
    const store = openExistingStore(dataDir, io.keys);
    const deviceId = store.deviceId;
    try {
      const engine = createSyncEngine({ store, client: createPlatformClient({ baseUrl: platform, deviceId, timeoutMs }), batchSize });
      const r = await engine.syncNow();
      store.audit.append('kioskctl.sync.now', { sent: r.sent, rejected: r.rejected, reachable: r.reachable, drained: r.drained });
      const s = store.queueStatus();
      io.stderr(`sent ${r.sent}; pending ${s.pending + s.inFlight}; needs attention ${s.needsAttention}; ${engine.connectivity.state}\n`);
      if (!r.reachable) {
        io.stderr('平台无法连接 / platform unreachable\n');
        return EXIT_UNREACHABLE;
      }
      for (const a of store.alerts()) io.stderr(`! ${a.code}: ${a.message}\n`);
      if (r.rejected > 0) {
        io.stderr(`本次有 ${r.rejected} 条被平台拒收 / ${r.rejected} item(s) rejected in this pass: kioskctl queue attention --data-dir ${dataDir}\n`);
        return EXIT.failure;
      }
      return r.drained ? EXIT.ok : EXIT.failure;
    } finally {
      store.close();
    }
  },
};
