import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does, rolled for every chunk a client sends (the rest pass through):
 * - `dropRate`: both sockets are destroyed before the chunk is forwarded.
 * - `dropResponseRate`: the request reaches the platform, the response is discarded and the client socket destroyed (effect committed, answer lost).
 * - `halfOpenRate`: from then on nothing is forwarded or answered on that connection, and it is never closed (a half-open TCP peer).
 * - `delayMs`: every chunk in both directions is delayed this long.
 */
export interface FaultSettings {
  dropRate: number;
  dropResponseRate: number;
  halfOpenRate: number;
  delayMs: number;
}

/** A loopback TCP proxy that injects connection faults in front of the platform. */
export interface FaultProxy {
  url: string;
  set(settings: Partial<FaultSettings>): void;
  /** Counts of faults injected so far. */
  stats(): { connections: number; dropped: number; droppedResponses: number; halfOpen: number };
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 (random port) forwarding to `target` host:port. */
export async function startFaultProxy(target: { host: string; port: number }, random: () => number = Math.random): Promise<FaultProxy> {
  let settings: FaultSettings = { dropRate: 0, dropResponseRate: 0, halfOpenRate: 0, delayMs: 0 };
  const stats = { connections: 0, dropped: 0, droppedResponses: 0, halfOpen: 0 };
  const open = new Set<Socket>();
  const track = (s: Socket) => {
    open.add(s);
    s.on('close', () => open.delete(s));
    s.on('error', () => {});
  };
  const server = createServer((client) => {
    track(client);
    stats.connections++;
    const upstream = connect(target.port, target.host);
    track(upstream);
    // Faults are rolled for every chunk the client sends (kept-alive connections carry
    // many requests), so each request can be dropped, lose its answer or hang.
    let mode: 'pass' | 'drop-response' | 'half-open' = 'pass';
    const later = (fn: () => void) => (settings.delayMs > 0 ? setTimeout(fn, settings.delayMs) : fn());
    client.on('data', (chunk) => {
      if (mode === 'half-open') return;
      const s = settings;
      const roll = random();
      if (roll < s.halfOpenRate) {
        stats.halfOpen++;
        mode = 'half-open';
        return;
      }
      if (roll < s.halfOpenRate + s.dropRate) {
        stats.dropped++;
        client.destroy();
        upstream.destroy();
        return;
      }
      if (roll < s.halfOpenRate + s.dropRate + s.dropResponseRate) mode = 'drop-response';
      later(() => {
        if (!upstream.destroyed) upstream.write(chunk);
      });
    });
    upstream.on('data', (chunk) => {
      if (mode === 'half-open') return;
      if (mode === 'drop-response') {
        stats.droppedResponses++;
        client.destroy();
        upstream.destroy();
        return;
      }
      later(() => {
        if (!client.destroyed) client.write(chunk);
      });
    });
    client.on('close', () => later(() => upstream.destroy()));
    upstream.on('close', () => {
      if (mode !== 'half-open') later(() => client.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    set(next) {
      settings = { ...settings, ...next };
    },
    stats: () => ({ ...stats }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
