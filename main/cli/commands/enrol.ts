import { mkdirSync } from 'node:fs';
import { cryptoProvider } from '../../../common/crypto/providers';
import { FileKeyProvider } from '../../../offline-cache/crypto/key-provider';
import { PlatformHttpError } from '../../../uplink/index';
import { enrolWithCode } from '../../core/trust/enrol-with-code';
import { parseCommandArgs, requireOption } from '../args';
import { EXIT, UsageError, type CliCommand } from '../cli-types';

const usage = `Usage: kioskctl enrol --data-dir DIR --platform URL --code CODE [--crypto default|sm] [--json]

Enrols this terminal with the platform: makes the device key in DIR on first
use (private key sealed, never sent), sends its public key with the one-time
CODE, and stores the device id, site and platform key the platform answers.

Output: "enrolled: device ID, site SITE (ALG)", or with --json
{"deviceId","siteId","algorithm"}.
Exit status: 0 enrolled, 1 refused or unreachable (reason on stderr), 2 usage error.`;

/** `kioskctl enrol`: enrolment of a fresh (or re-enrolment of a revoked) terminal. */
export const enrolCommand: CliCommand = {
  name: 'enrol',
  summary: 'Enrol this terminal with the platform using a one-time code',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      'data-dir': { type: 'string' },
      platform: { type: 'string' },
      code: { type: 'string' },
      crypto: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 0) throw new UsageError('enrol takes no positional arguments');
    const dataDir = requireOption(values, 'data-dir');
    const platformUrl = requireOption(values, 'platform');
    const code = requireOption(values, 'code');
    const name = values.crypto ?? 'default';
    if (name !== 'default' && name !== 'sm') throw new UsageError('--crypto must be default or sm');
    const provider = cryptoProvider(name);
    mkdirSync(dataDir, { recursive: true });
    try {
      const e = await enrolWithCode({ dataDir, keys: io.keys ?? new FileKeyProvider(dataDir), platformUrl, code, provider });
      io.stdout(values.json ? `${JSON.stringify({ deviceId: e.deviceId, siteId: e.siteId, algorithm: e.algorithm })}\n` : `enrolled: device ${e.deviceId}, site ${e.siteId} (${e.algorithm})\n`);
      return EXIT.ok;
    } catch (err) {
      const why = err instanceof PlatformHttpError && err.errorCode ? err.errorCode : (err as Error).message;
      io.stderr(`注册失败 / enrolment failed: ${why}\n`);
      return EXIT.failure;
    }
  },
};
