import type { CryptoProvider } from '../../../common/crypto/crypto-provider';
import { cryptoProvider } from '../../../common/crypto/providers';
import type { KeyProvider } from '../../../offline-cache/crypto/key-provider';
import { loadOrCreateDeviceKey } from '../../../offline-cache/crypto/device-key';
import { writeEnrolment, type EnrolmentRecord } from '../../../offline-cache/crypto/enrolment-file';
import { enrolTerminal } from '../../../uplink/index';

/** Options of {@link enrolWithCode}. */
export interface EnrolWithCodeOptions {
  dataDir: string;
  /** Source of the data key that seals the device key. */
  keys: KeyProvider;
  platformUrl: string;
  /** The one-time enrolment code the platform issued for a site. */
  code: string;
  /** Signature algorithm family of the device key. Default the `default` provider (Ed25519). */
  provider?: CryptoProvider;
  /** Kiosk clock in ms (the `enrolledAt` stamp). Default `Date.now`. */
  now?: () => number;
}

/**
 * Enrols the terminal of `dataDir`: makes (or reuses) its sealed device key,
 * sends the public half with the one-time code, and stores the answer in
 * `<dataDir>/enrolment.json`, replacing an earlier enrolment (re-enrolment
 * keeps the outbox: it is not touched). Used by `kioskctl enrol` and by the
 * core's development auto-enrolment. Throws what `enrolTerminal` throws
 * (the platform's refusal code on a `PlatformHttpError`), and when the device
 * key cannot be opened.
 */
export async function enrolWithCode(options: EnrolWithCodeOptions): Promise<EnrolmentRecord> {
  const provider = options.provider ?? cryptoProvider('default');
  const key = loadOrCreateDeviceKey(options.dataDir, options.keys, provider, cryptoProvider('default'));
  const e = await enrolTerminal({ baseUrl: options.platformUrl, code: options.code, provider, publicKey: key.publicKey });
  const record: EnrolmentRecord = { ...e, platformUrl: options.platformUrl, enrolledAt: new Date((options.now ?? Date.now)()).toISOString() };
  writeEnrolment(options.dataDir, record);
  return record;
}
