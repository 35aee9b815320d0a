import type { KioskCore } from '../create-kiosk-core';
import { ShellToCoreSchema, type CoreToShell, type PortEnd, type ShellToCore } from './core-port-protocol';

/** An extra route the core child serves over the port (simulator controls in development). */
export interface CoreRoute {
  method: 'GET' | 'POST';
  path: string;
  handler: (body: unknown) => Promise<unknown>;
}

/**
 * Serves the contract of a running core over its port to the shell: opens
 * and closes connections in the core's own registry, dispatches each call on
 * the connection the shell names (an unknown or closed id is answered
 * `forbidden` by the dispatcher, as for any other host), runs extra
 * `routes`, and forwards every event with the ids of the connections the
 * dispatcher allows to receive it. Malformed messages are dropped (the shell
 * is the only peer). `onStop` is called for a `stop` message. Returns a
 * function that stops serving.
 */
export function serveCorePort(core: Pick<KioskCore, 'dispatcher' | 'events'>, port: PortEnd<CoreToShell, unknown>, options: { routes?: CoreRoute[]; onStop?: () => void } = {}): () => void {
  const { dispatcher } = core;
  const routes = options.routes ?? [];
  const unsubscribeEvents = core.events.subscribe((channel, payload) => {
    const to: string[] = [];
    let checked: unknown = undefined;
    for (const connection of dispatcher.connections.list()) {
      const r = dispatcher.checkEvent(channel, payload, connection);
      if (r.ok) {
        to.push(connection.id);
        checked = r.payload;
      }
    }
    if (to.length > 0) port.send({ t: 'event', channel, payload: checked, to });
  });

  const handle = async (message: ShellToCore): Promise<void> => {
    switch (message.t) {
      case 'open': {
        const connection = dispatcher.connections.open(`port:${message.transport}`);
        port.send({ t: 'opened', ref: message.ref, connectionId: connection.id });
        return;
      }
      case 'close':
        dispatcher.connections.close(message.connectionId);
        return;
      case 'call': {
        const connection = message.connectionId === null ? undefined : dispatcher.connections.get(message.connectionId);
        // An unknown id is refused like a closed connection (never run as the in-process citizen).
        const result =
          message.connectionId !== null && !connection
            ? { ok: false as const, error: { code: 'forbidden' as const, message: `${message.channel.slice(0, 100)}: the connection is closed` } }
            : await dispatcher.handle(message.channel, message.payload, connection);
        port.send({ t: 'result', ref: message.ref, result });
        return;
      }
      case 'route': {
        const route = routes.find((r) => r.method === message.method && r.path === message.path);
        if (!route) return port.send({ t: 'routed', ref: message.ref, ok: false, value: { error: 'no such route' } });
        try {
          port.send({ t: 'routed', ref: message.ref, ok: true, value: (await route.handler(message.body)) ?? null });
        } catch (e) {
          port.send({ t: 'routed', ref: message.ref, ok: false, value: { error: e instanceof Error ? e.message : String(e) } });
        }
        return;
      }
      case 'stop':
        options.onStop?.();
        return;
      case 'init':
        return;
    }
  };

  const off = port.onMessage((raw) => {
    const parsed = ShellToCoreSchema.safeParse(raw);
    if (parsed.success) void handle(parsed.data);
  });
  return () => {
    off();
    unsubscribeEvents();
  };
}
