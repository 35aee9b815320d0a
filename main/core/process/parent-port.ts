import type { PortEnd } from './core-port-protocol';

/** Electron's `process.parentPort` in a utilityProcess (typed here: main/core never imports electron). */
interface UtilityParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  off(event: 'message', listener: (event: { data: unknown }) => void): void;
}

/**
 * The child's end of the port to the shell: Electron's `process.parentPort`
 * when running as a `utilityProcess`, else Node's IPC channel
 * (`process.send`, a child started with `fork` or `spawn` with an `ipc`
 * stdio). Throws when the process has neither (started by hand).
 */
export function parentPort<Out>(proc: NodeJS.Process = process): PortEnd<Out, unknown> {
  const utility = (proc as unknown as { parentPort?: UtilityParentPort }).parentPort;
  if (utility) {
    return {
      send: (message) => utility.postMessage(message),
      onMessage(listener) {
        const l = (event: { data: unknown }) => listener(event.data);
        utility.on('message', l);
        return () => utility.off('message', l);
      },
    };
  }
  if (typeof proc.send !== 'function') throw new Error('the kiosk core must be started by the shell (no IPC channel)');
  return {
    send: (message) => void proc.send!(message),
    onMessage(listener) {
      proc.on('message', listener);
      return () => void proc.off('message', listener);
    },
  };
}
