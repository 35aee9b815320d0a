import { Agent } from 'undici';

/** Options of {@link createPlatformFetch}. */
export interface PlatformFetchOptions {
  /**
   * PEM certificate bundle the platform's TLS certificate must chain to,
   * instead of Node's built-in roots (a government extranet's own CA).
   * Default: Node's roots.
   */
  ca?: string | Buffer;
}

/**
 * A `fetch` for the platform client (its `fetch` option) that trusts `ca`:
 * Node's global fetch over an undici `Agent` whose TLS connections verify
 * against the bundle (hostname checked as usual; an untrusted certificate
 * fails the call, reported by the client as unreachable). `close()` ends the
 * agent's pooled connections.
 */
export function createPlatformFetch(options: PlatformFetchOptions): { fetch: typeof fetch; close(): Promise<void> } {
  if (options.ca === undefined) return { fetch, close: async () => {} };
  const agent = new Agent({ connect: { ca: options.ca } });
  const withAgent = ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) =>
    // Node's fetch takes an undici dispatcher; its RequestInit type does not name it.
    fetch(input, { ...init, dispatcher: agent } as unknown as Parameters<typeof fetch>[1])) as typeof fetch;
  return { fetch: withAgent, close: () => agent.close() };
}
