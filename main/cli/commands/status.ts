import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEVICE_KEY_FILE } from '../../../offline-cache/crypto/device-key';
import { readEnrolment } from '../../../offline-cache/crypto/enrolment-file';
import { readOrCreateDeviceId } from '../../../offline-cache/index';
import { keyStorageOnDisk } from '../../core/keys/key-files';
import { initialLinkStanding, linkStandingLine } from '../../core/trust/link-standing';
import { parseCommandArgs, requireOption } from '../args';
import { EXIT, UsageError, type CliCommand } from '../cli-types';
import { openExistingStore } from '../existing-store';

/** Exit status of `kioskctl status` when the platform refuses this terminal (not enrolled, or revoked). */
export const EXIT_REFUSED = 3;

const usage = `Usage: kioskctl status --data-dir DIR [--json]

The terminal's standing with the platform: its enrolment (device id, site,
algorithm, platform) and what the platform last said of it — served, not
enrolled (暂未开通服务: the platform requires signed requests and does not
know this terminal) or revoked (暂停服务) — with what to do.

Output with --json: {"enrolled","deviceId","siteId","algorithm","platformUrl",
"refused","code","at","keyStorage"} (siteId, algorithm and platformUrl null when not
enrolled; refused null, "not-enrolled" or "revoked"; keyStorage the data key
the files show: "systemd-creds" (TPM2 credential), "safe-storage" (DPAPI or
keyring, basic_text included), "key-file" (plain 0600 file) or null).
Exit status: 0 served (as last seen), 3 not enrolled or revoked,
2 usage error, 5 no kiosk data in DIR.`;

/** `kioskctl status`: why a terminal is (not) open for citizens, as far as the platform link goes. */
export const statusCommand: CliCommand = {
  name: 'status',
  summary: 'Enrolment and standing with the platform (not enrolled, revoked)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { 'data-dir': { type: 'string' }, json: { type: 'boolean' } });
    if (positionals.length !== 0) throw new UsageError('status takes no positional arguments');
    const dataDir = requireOption(values, 'data-dir');
    const store = openExistingStore(dataDir, io.keys);
    try {
      // As the core reads it: an enrolment without its device key counts as none.
      const enrolment = existsSync(join(dataDir, DEVICE_KEY_FILE)) ? readEnrolment(dataDir) : null;
      const deviceId = enrolment?.deviceId ?? readOrCreateDeviceId(dataDir);
      const standing = initialLinkStanding(store, deviceId);
      if (values.json) {
        io.stdout(
          `${JSON.stringify({
            enrolled: enrolment !== null,
            deviceId,
            siteId: enrolment?.siteId ?? null,
            algorithm: enrolment?.algorithm ?? null,
            platformUrl: enrolment?.platformUrl ?? null,
            refused: standing.refused,
            code: standing.code,
            at: standing.at,
            keyStorage: keyStorageOnDisk(dataDir),
          })}\n`,
        );
      } else {
        const lines = [
          enrolment
            ? `注册 enrolment:     设备 device ${enrolment.deviceId}, 站点 site ${enrolment.siteId} (${enrolment.algorithm}), 平台 platform ${enrolment.platformUrl}, ${enrolment.enrolledAt}`
            : `注册 enrolment:     未注册，请求不签名 / not enrolled, requests unsigned (device ${deviceId})`,
          `平台认可 standing:  ${standing.refused === null ? '正常 served' : `${standing.refused === 'revoked' ? '暂停服务' : '暂未开通服务'} ${standing.refused} (${standing.code}, ${standing.at})`}`,
        ];
        lines.push(`数据密钥 data key:   ${keyStorageOnDisk(dataDir) ?? '未找到 none found'}`);
        if (standing.refused) lines.push(linkStandingLine(standing, enrolment?.platformUrl ?? 'URL', deviceId));
        io.stdout(`${lines.join('\n')}\n`);
      }
      return standing.refused ? EXIT_REFUSED : EXIT.ok;
    } finally {
      store.close();
    }
  },
};
