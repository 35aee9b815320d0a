import { openKioskStore, readOrCreateDeviceId, StorageError } from '../../../offline-cache/index';
import { parseCommandArgs, requireOption } from '../args';
import { EXIT, UsageError, type CliCommand } from '../cli-types';

/** Exit status when the store refuses the write (disk full, corrupt file). */
export const EXIT_STORAGE = 5;

const usage = `Usage: kioskctl tx submit --data-dir DIR --service CODE --data JSON

Writes a test transaction durably into the offline store of DIR (creating it if
needed) and only then prints its id (UUIDv7) on stdout. Safe while
"kioskctl serve" uses the same DIR.

  --data-dir DIR    kiosk data directory
  --service CODE    service item code
  --data JSON       form values: a JSON object of strings, e.g. '{"name":"张三"}'

Exit status: 0 written (id printed), 1 failure, 2 usage error,
5 storage refused the write (disk full or damaged database).`;

function parseData(text: string): Record<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError('--data must be valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw new UsageError('--data must be a JSON object whose values are strings');
  }
  return value as Record<string, string>;
}

/** `kioskctl tx submit`: durable test submission. */
export const txCommand: CliCommand = {
  name: 'tx',
  summary: 'Submit a test transaction to the offline outbox (tx submit)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      'data-dir': { type: 'string' },
      service: { type: 'string' },
      data: { type: 'string' },
    });
    if (positionals[0] !== 'submit' || positionals.length !== 1) throw new UsageError('expected "tx submit"');
    const dataDir = requireOption(values, 'data-dir');
    const service = requireOption(values, 'service');
    const data = parseData(requireOption(values, 'data'));
    let store;
    try {
      store = openKioskStore({ dataDir, deviceId: readOrCreateDeviceId(dataDir), ...(io.keys ? { keyProvider: io.keys } : {}) });
      const tx = store.submitTransaction({ service, data });
      store.audit.append('kioskctl.tx.submit', { id: tx.id, service });
      io.stdout(`${tx.id}\n`);
      return EXIT.ok;
    } catch (e) {
      if (e instanceof StorageError) {
        io.stderr(`kioskctl tx: ${e.messageZh}\n${e.messageEn}\n`);
        return EXIT_STORAGE;
      }
      if (e instanceof TypeError) throw new UsageError(e.message);
      throw e;
    } finally {
      store?.close();
    }
  },
};
