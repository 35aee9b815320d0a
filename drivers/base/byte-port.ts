import type { Off } from './typed-emitter';

/**
 * A byte stream to a device: what every transport (serial, TCP, USB bulk,
 * in-process simulator) offers to a protocol session. Codecs never see the
 * transport, so a new binding never touches a codec.
 */
export interface BytePort {
  /** Writes bytes; resolves when handed to the OS (serial: drained). Rejects with DeviceDisconnected when closed. */
  write(data: Uint8Array): Promise<void>;
  /** Subscribes to incoming chunks (arbitrary sizes). */
  onData(listener: (chunk: Uint8Array) => void): Off;
  /** Called once when the port goes away (unplugged, peer closed, or `close()`); `error` is null on a clean close. */
  onClose(listener: (error: Error | null) => void): Off;
  /** Closes the port. Idempotent. */
  close(): Promise<void>;
  /** True until closed. */
  readonly isOpen: boolean;
}
