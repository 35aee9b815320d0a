import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { ContractConnection } from '../../common/contract/connections';
import { listMethods } from '../../common/contract/define';
import type { HostDispatcher } from '../../common/contract/dispatcher';
import type { Result } from '../../common/contract/errors';
import type { HostEventSource } from '../../common/contract/event-hub';
import { kioskContract, type KioskContract } from '../../common/contract/kiosk-contract';
import { isAppUrl } from './app-origin';

/** Channel the renderer calls once it listens; events are held until then. */
export const RENDERER_READY_CHANNEL = 'system:rendererReady';

/** Most events held while the renderer is not ready; older ones are dropped first. */
export const MAX_HELD_EVENTS = 200;

/** Options of {@link setupIpc}. */
export interface IpcOptions {
  /** The one app window's contents; the only accepted sender and the only event receiver. */
  contents: WebContents;
  dispatcher: HostDispatcher<KioskContract>;
  events: HostEventSource<KioskContract>;
  /**
   * Called with each connection this host opens for `contents`: one at setup
   * and a new one after every main-frame navigation. The way for the shell to
   * grant a role (`dispatcher.connections.grant(connection.id, role)`).
   */
  onConnection?: (connection: ContractConnection) => void;
}

/**
 * True when an invoke comes from our window's main frame showing the app
 * origin (`kiosk://app`). Frames that are gone (`senderFrame` null), sub-frames,
 * other webContents and other origins are all refused.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, contents: WebContents): boolean {
  if (contents.isDestroyed() || event.sender.id !== contents.id) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  // Compared by ids, not object identity: a frame is one process + routing id.
  const main = contents.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isAppUrl(frame.url);
}

/**
 * Registers one `ipcMain.handle` per contract method (`service:member`).
 * Each handler refuses untrusted senders with a `forbidden` result, then lets
 * the dispatcher check the role, validate and run the call (it never throws)
 * on the connection of `contents`.
 *
 * Roles: the host opens one {@link ContractConnection} for the one trusted
 * sender and passes it with every call and event; nothing the page sends
 * (arguments, extra arguments, fields) selects a connection or a role. A
 * main-frame navigation (reload, new document) closes it and opens a fresh
 * one holding `citizen` only, so a role granted to one page never passes to
 * the next. Events from the hub are checked with `dispatcher.checkEvent` for
 * that connection (invalid ones and those of services it may not use are
 * dropped) and sent with `webContents.send`; until the renderer calls
 * `system:rendererReady` they are held (at most {@link MAX_HELD_EVENTS}), and
 * a navigation holds them again until the new page is ready (keeping only
 * those the new connection may receive). Returns a function that removes
 * the handlers, the event subscription and the connection.
 */
export function setupIpc(options: IpcOptions): () => void {
  const { contents, dispatcher, events, onConnection } = options;
  let ready = false;
  const held: Array<{ channel: string; payload: unknown }> = [];
  let connection = openConnection();

  function openConnection(): ContractConnection {
    const opened = dispatcher.connections.open('ipc');
    onConnection?.(opened);
    return opened;
  }

  const deliver = (channel: string, payload: unknown): void => {
    if (contents.isDestroyed()) return;
    contents.send(channel, payload);
  };

  const channels = listMethods(kioskContract).map((m) => m.channel);
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, contents)) return { ok: false, error: { code: 'forbidden', message: `${channel}: sender is not the kiosk window` } };
      const result = await dispatcher.handle(channel, payload, connection);
      if (channel === RENDERER_READY_CHANNEL && result.ok && !ready) {
        ready = true;
        for (const e of held.splice(0)) deliver(e.channel, e.payload);
      }
      return result;
    });
  }

  const unsubscribe = events.subscribe((channel, payload) => {
    const checked = dispatcher.checkEvent(channel, payload, connection);
    if (!checked.ok) return;
    if (ready) return deliver(channel, checked.payload);
    held.push({ channel, payload: checked.payload });
    if (held.length > MAX_HELD_EVENTS) held.shift();
  });

  const onNavigate = (): void => {
    ready = false;
    dispatcher.connections.close(connection.id);
    connection = openConnection();
    // Held events were checked for the old page's connection: keep only what the new one may receive.
    const keep = held.splice(0).filter((e) => dispatcher.mayReceive(e.channel, connection));
    held.push(...keep);
  };
  contents.on('did-navigate', onNavigate);

  return () => {
    unsubscribe();
    contents.off('did-navigate', onNavigate);
    for (const channel of channels) ipcMain.removeHandler(channel);
    dispatcher.connections.close(connection.id);
  };
}
