import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cryptoProvider, providerForSignature } from '../../../common/crypto/providers';
import type { Logger } from '../../../common/logging/logger';
import type { KeyProvider } from '../../../offline-cache/crypto/key-provider';
import { DEVICE_KEY_FILE, loadOrCreateDeviceKey } from '../../../offline-cache/crypto/device-key';
import { readEnrolment, type EnrolmentRecord } from '../../../offline-cache/crypto/enrolment-file';
import type { DeviceCredentials } from '../../../uplink/index';
import { enrolWithCode } from './enrol-with-code';

/** What the core signs with, decided once at start-up. */
export interface TerminalIdentity {
  /** The enrolment, or null: the terminal is not enrolled and its requests go unsigned. */
  enrolment: EnrolmentRecord | null;
  /** Device key and platform key of the enrolment; null when not enrolled. */
  credentials: DeviceCredentials | null;
}

/** Options of {@link loadTerminalIdentity}. */
export interface TerminalIdentityOptions {
  dataDir: string;
  keys: KeyProvider;
  platformUrl: string;
  /**
   * A one-time enrolment code to enrol with when the terminal holds no
   * enrolment yet (development, demo, test harnesses: the embedded platform
   * issues one at every start). Ignored when already enrolled. Default none.
   */
  enrolmentCode?: string | undefined;
  logger: Logger;
}

/**
 * The terminal's enrolment and signing credentials: the enrolment of
 * `<dataDir>/enrolment.json` and the sealed device key. Without an enrolment
 * and with an `enrolmentCode`, enrols first (a refused or unreachable
 * enrolment is logged and the terminal starts unenrolled: a platform that
 * requires signed requests then keeps it out of service, 暂未开通服务).
 * An enrolment whose device key file is gone counts as none (logged): a
 * fresh key would not match the enrolled one, so it must be enrolled again.
 * Throws when the enrolment file or the device key is unreadable, or the
 * enrolment names an algorithm this build does not know.
 */
export async function loadTerminalIdentity(options: TerminalIdentityOptions): Promise<TerminalIdentity> {
  const log = options.logger.child({ part: 'trust' });
  let enrolment = readEnrolment(options.dataDir);
  if (!enrolment && options.enrolmentCode) {
    try {
      enrolment = await enrolWithCode({ dataDir: options.dataDir, keys: options.keys, platformUrl: options.platformUrl, code: options.enrolmentCode });
      log.info('trust.enrolled', { deviceId: enrolment.deviceId, siteId: enrolment.siteId, algorithm: enrolment.algorithm, automatic: true });
    } catch (e) {
      log.warn('trust.enrol-failed', { error: (e as Error).name, message: String((e as Error).message).slice(0, 200) });
    }
  }
  if (!enrolment) return { enrolment: null, credentials: null };
  if (!existsSync(join(options.dataDir, DEVICE_KEY_FILE))) {
    // A new key would never match the one the platform enrolled: the terminal must be enrolled again.
    log.warn('trust.device-key-missing', { deviceId: enrolment.deviceId });
    return { enrolment: null, credentials: null };
  }
  const provider = providerForSignature(enrolment.algorithm);
  if (!provider) throw new Error(`enrolment.json names an unknown algorithm ${enrolment.algorithm}`);
  const key = loadOrCreateDeviceKey(options.dataDir, options.keys, provider, cryptoProvider('default'));
  return {
    enrolment,
    credentials: {
      deviceId: enrolment.deviceId,
      provider,
      privateKey: key.privateKey,
      platformPublicKey: provider.importPublicKey(Buffer.from(enrolment.platformPublicKey, 'base64')),
    },
  };
}
