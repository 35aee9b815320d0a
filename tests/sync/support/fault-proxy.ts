import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does to each new client connection (chosen per connection
 * by the rates below; the rest pass through):
 * - `dropRate`: the client socket is destroyed as soon as it sends its first bytes.
 * - `dropResponseRate`: the request reaches the platform, the response is discarded and the client socket destroyed (effect committed, answer lost).
 * - `halfOpenRate`: the connection is accepted but nothing is forwarded or answered, and it is never closed (a half-open TCP peer).
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
  const pipeDelayed = (from: Socket, to: Socket) => {
    from.on('data', (chunk) => {
      const write = () => {
        if (!to.destroyed) to.write(chunk);
      };
      if (settings.delayMs > 0) setTimeout(write, settings.delayMs);
      else write();
    });
    from.on('end', () => setTimeout(() => to.end(), settings.delayMs));
    from.on('close', () => setTimeout(() => to.destroy(), settings.delayMs));
  };
  const server = createServer((client) => {
    track(client);
    stats.connections++;
    const roll = random();
    const s = settings;
    if (roll < s.halfOpenRate) {
      stats.halfOpen++;
      client.on('data', () => {});
      return;
    }
    if (roll < s.halfOpenRate + s.dropRate) {
      client.once('data', () => {
        stats.dropped++;
        client.destroy();
      });
      return;
    }
    const upstream = connect(target.port, target.host);
    track(upstream);
    if (roll < s.halfOpenRate + s.dropRate + s.dropResponseRate) {
      client.on('data', (chunk) => upstream.write(chunk));
      upstream.once('data', () => {
        stats.droppedResponses++;
        client.destroy();
        upstream.destroy();
      });
      client.on('close', () => upstream.destroy());
      return;
    }
    pipeDelayed(client, upstream);
    pipeDelayed(upstream, client);
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
