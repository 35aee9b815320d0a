import type { BytePort } from './byte-port';
import { DeviceError } from './errors';
import { TypedEmitter } from './typed-emitter';

type PortEvents = { data: Uint8Array; close: Error | null };

class MemoryPort implements BytePort {
  peer: MemoryPort | null = null;
  private open = true;
  private readonly events = new TypedEmitter<PortEvents>();

  get isOpen(): boolean {
    return this.open;
  }

  async write(data: Uint8Array): Promise<void> {
    if (!this.open || !this.peer) throw new DeviceError('DeviceDisconnected', 'port is closed');
    const copy = Uint8Array.from(data);
    const peer = this.peer;
    // Deliver asynchronously, like a real port, so callers cannot rely on re-entrancy.
    queueMicrotask(() => peer.deliver(copy));
  }

  deliver(chunk: Uint8Array): void {
    if (this.open) this.events.emit('data', chunk);
  }

  onData(listener: (chunk: Uint8Array) => void) {
    return this.events.on('data', listener);
  }

  onClose(listener: (error: Error | null) => void) {
    return this.events.on('close', listener);
  }

  async close(): Promise<void> {
    this.shutdown(null);
    this.peer?.shutdown(new DeviceError('DeviceDisconnected', 'peer closed'));
  }

  shutdown(error: Error | null): void {
    if (!this.open) return;
    this.open = false;
    this.events.emit('close', error);
    this.events.clear();
  }
}

/**
 * An in-process pair of connected {@link BytePort}s: bytes written on one end
 * arrive on the other (asynchronously, in one chunk per write). Used to plug a
 * simulator into a driver without a serial port (demo, any OS, unit tests).
 * Closing either end closes both; the other end sees DeviceDisconnected.
 */
export function createMemoryPipe(): [BytePort, BytePort] {
  const a = new MemoryPort();
  const b = new MemoryPort();
  a.peer = b;
  b.peer = a;
  return [a, b];
}
