import { connect as netConnect, type Socket } from 'node:net';
import { Agent, buildConnector } from 'undici';

/** Options of {@link createPlatformFetch}. */
export interface PlatformFetchOptions {
  /**
   * PEM certificate bundle the platform's TLS certificate must chain to,
   * instead of Node's built-in roots (a government extranet's own CA).
   * Default: Node's roots.
   */
  ca?: string | Buffer;
  /**
   * Told of every TCP connection the agent opens, before TLS starts on it:
   * the raw socket, whose `bytesRead` / `bytesWritten` count every byte on
   * the wire, TLS records and handshakes included (the byte budget bench,
   * bench/fleet-bytes.bench.ts). Default none.
   */
  onSocket?: (raw: Socket) => void;
}

/**
 * A `fetch` for the platform client (its `fetch` option) that trusts `ca`:
 * Node's global fetch over an undici `Agent` whose TLS connections verify
 * against the bundle (hostname checked as usual; an untrusted certificate
 * fails the call, reported by the client as unreachable). Connections are
 * kept alive and TLS sessions resumed (undici's session cache). `close()`
 * ends the agent's pooled connections.
 */
export function createPlatformFetch(options: PlatformFetchOptions): { fetch: typeof fetch; close(): Promise<void> } {
  if (options.ca === undefined && options.onSocket === undefined) return { fetch, close: async () => {} };
  const tls = buildConnector({ ...(options.ca === undefined ? {} : { ca: options.ca }) });
  const onSocket = options.onSocket;
  const connect: buildConnector.connector = onSocket
    ? (opts, callback) => {
        // The raw TCP socket first, so its counters see the TLS handshake too; undici then starts TLS over it.
        const raw = netConnect({ host: opts.hostname, port: Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80) });
        onSocket(raw);
        if (opts.protocol !== 'https:') {
          raw.once('connect', () => callback(null, raw));
          raw.once('error', (e) => callback(e, null));
          return raw;
        }
        return tls({ ...opts, httpSocket: raw }, callback);
      }
    : tls;
  const agent = new Agent({ connect });
  const withAgent = ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) =>
    // Node's fetch takes an undici dispatcher; its RequestInit type does not name it.
    fetch(input, { ...init, dispatcher: agent } as unknown as Parameters<typeof fetch>[1])) as typeof fetch;
  return { fetch: withAgent, close: () => agent.close() };
}
