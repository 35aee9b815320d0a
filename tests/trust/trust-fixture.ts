import type { KeyObject } from 'node:crypto';
import type { CryptoProvider } from '../../common/crypto/crypto-provider';
import { createPlatformClient, type PlatformClient } from '../../uplink/client/platform-client';
import { enrolTerminal } from '../../uplink/client/enrolment';
import { createDeviceSigning, type DeviceCredentials } from '../../uplink/client/request-signer';

/** A terminal enrolled against a running platform-sim: its credentials and a signing, verifying client. */
export interface EnrolledTerminal {
  credentials: DeviceCredentials;
  siteId: string;
  publicKey: KeyObject;
  client(overrides?: Partial<DeviceCredentials> & { now?: () => number; clockOffsetMs?: () => number; fetch?: typeof fetch }): PlatformClient;
}

/** Issues an enrolment code for `siteId` through the admin endpoint. */
export async function issueCode(platformUrl: string, siteId: string, doFetch: typeof fetch = fetch): Promise<string> {
  const r = await doFetch(`${platformUrl}/admin/enrolment-codes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ siteId }) });
  if (!r.ok) throw new Error(`POST /admin/enrolment-codes: HTTP ${r.status}`);
  return ((await r.json()) as { code: string }).code;
}

/** Generates a device key with `provider`, enrols it with a fresh code, and returns the terminal. */
export async function enrolFresh(platformUrl: string, provider: CryptoProvider, doFetch: typeof fetch = fetch): Promise<EnrolledTerminal> {
  const pair = provider.generateSigningKeyPair();
  const code = await issueCode(platformUrl, 'site-test', doFetch);
  const e = await enrolTerminal({ baseUrl: platformUrl, code, provider, publicKey: pair.publicKey, fetch: doFetch });
  const credentials: DeviceCredentials = {
    deviceId: e.deviceId,
    provider,
    privateKey: pair.privateKey,
    platformPublicKey: provider.importPublicKey(Buffer.from(e.platformPublicKey, 'base64')),
  };
  return {
    credentials,
    siteId: e.siteId,
    publicKey: pair.publicKey,
    client(o = {}) {
      const c = { ...credentials, ...o };
      return createPlatformClient({
        baseUrl: platformUrl,
        deviceId: c.deviceId,
        ...createDeviceSigning(c, { ...(o.now ? { now: o.now } : {}), ...(o.clockOffsetMs ? { clockOffsetMs: o.clockOffsetMs } : {}) }),
        ...(o.fetch ? { fetch: o.fetch } : {}),
      });
    },
  };
}
