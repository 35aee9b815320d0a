import { parseCommandArgs, requireOption } from '../args';
import { EXIT, UsageError, type CliCommand } from '../cli-types';
import { openExistingStore } from '../existing-store';

const usage = `Usage: kioskctl audit verify --data-dir DIR

Checks the hash chain of the audit log in DIR.

Exit status: 0 intact, 1 tampered (the first bad row is named on stderr), 2 usage error.`;

/** `kioskctl audit verify`: tamper check of the audit log. */
export const auditCommand: CliCommand = {
  name: 'audit',
  summary: 'Verify the tamper-evident audit log (audit verify)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { 'data-dir': { type: 'string' } });
    if (positionals[0] !== 'verify' || positionals.length !== 1) throw new UsageError('expected "audit verify"');
    const dataDir = requireOption(values, 'data-dir');
    const store = openExistingStore(dataDir, io.keys);
    try {
      const r = store.audit.verify();
      if (r.ok) {
        io.stdout(`audit log intact: ${r.rows} rows\n`);
        return EXIT.ok;
      }
      io.stderr(`audit log tampered: first bad row ${r.brokenAt} (审计日志被篡改：第 ${r.brokenAt} 行)\n`);
      return EXIT.failure;
    } finally {
      store.close();
    }
  },
};
