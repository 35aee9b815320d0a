import { lookup } from 'node:dns/promises';
import { connect } from 'node:tls';
import type { NetworkStep, NetworkTestResult } from '../../../common/contract/technician-schemas';
import type { PlatformClient } from '../../../uplink/index';

/** Longest time of each step, ms: 5000. */
export const NETWORK_STEP_TIMEOUT_MS = 5000;

/** What the network test uses. */
export interface NetworkTestSources {
  platformUrl: string;
  /** The signed platform client of the core (requests signed and replies verified when enrolled). */
  client: Pick<PlatformClient, 'time' | 'catalogue'>;
  /** Whether the terminal is enrolled (its requests are signed). */
  enrolled: boolean;
  /** The cached catalogue version (the signed ping asks for changes since it). */
  catalogueVersion(): number | null;
  /** Clock in ms; default `Date.now`. */
  now?: () => number;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The TLS handshake with `host:port` (system trust store, SNI = host): the protocol and the certificate's end of validity. */
function tlsHandshake(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, servername: host, timeout: NETWORK_STEP_TIMEOUT_MS }, () => {
      const cert = socket.getPeerCertificate();
      const detail = `${socket.getProtocol() ?? 'tls'}, certificate valid to ${cert.valid_to ?? '?'}`;
      socket.end();
      resolve(detail);
    });
    socket.once('error', (e) => reject(e));
    socket.once('timeout', () => {
      socket.destroy();
      reject(new Error(`TLS: no handshake in ${NETWORK_STEP_TIMEOUT_MS} ms`));
    });
  });
}

function message(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return `${err.code ? `${err.code}: ` : ''}${err.message ?? String(e)}`.slice(0, 200);
}

/**
 * The technician's network test, one step after another, each with its
 * outcome and time: DNS (the platform host resolves), TLS (a handshake with
 * it; `skipped` for an `http:` platform, as in development), platform time
 * (`GET /api/v1/time` and the offset from the kiosk clock) and a signed ping
 * (a catalogue check through the core's signed client, the reply's signature
 * verified; `skipped` when not enrolled). A failed step does not stop the
 * next. Never throws; details carry no key or token.
 */
export async function runNetworkTest(sources: NetworkTestSources): Promise<NetworkTestResult> {
  const now = sources.now ?? Date.now;
  const url = new URL(sources.platformUrl);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const step = async (name: NetworkStep['step'], run: () => Promise<string | { skipped: string }>): Promise<NetworkStep> => {
    const start = now();
    try {
      const r = await withTimeout(run(), NETWORK_STEP_TIMEOUT_MS, name);
      const ms = Math.max(0, Math.round(now() - start));
      return typeof r === 'string' ? { step: name, outcome: 'ok', ms, detail: r.slice(0, 200) } : { step: name, outcome: 'skipped', ms, detail: r.skipped.slice(0, 200) };
    } catch (e) {
      return { step: name, outcome: 'failed', ms: Math.max(0, Math.round(now() - start)), detail: message(e) };
    }
  };
  const steps: NetworkStep[] = [];
  steps.push(
    await step('dns', async () => {
      const a = await lookup(host, { all: true });
      return `${host} → ${a.map((x) => x.address).join(', ')}`;
    }),
  );
  steps.push(
    await step('tls', async () => {
      if (url.protocol !== 'https:') return { skipped: `${url.protocol} platform, no TLS` };
      return tlsHandshake(host, Number(url.port || 443));
    }),
  );
  steps.push(
    await step('platform-time', async () => {
      const reply = await sources.client.time();
      const offset = Date.parse(reply.body.serverTime) - (reply.receivedAt + reply.sentAt) / 2;
      return `${reply.body.serverTime} (kiosk clock ${offset >= 0 ? 'behind' : 'ahead'} by ${Math.abs(Math.round(offset))} ms)`;
    }),
  );
  steps.push(
    await step('signed-ping', async () => {
      if (!sources.enrolled) return { skipped: 'not enrolled: requests are not signed' };
      const reply = await sources.client.catalogue(sources.catalogueVersion());
      return `signed request accepted, reply signature verified (catalogue version ${reply.body.version})`;
    }),
  );
  return { steps };
}
