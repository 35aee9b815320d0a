import { connect, type Socket } from 'node:net';
import type { BytePort } from './byte-port';
import { DeviceError } from './errors';
import { TypedEmitter } from './typed-emitter';

/** Options of {@link openTcpBytePort}. */
export interface TcpPortOptions {
  /** Give up connecting after this many ms; default 3000. */
  connectTimeoutMs?: number;
}

/**
 * Adapts a connected TCP socket to {@link BytePort} (used for raw port 9100
 * printers and by the simulator's TCP listener in tests). A peer close or a
 * socket error closes the port with DeviceDisconnected.
 */
export function socketBytePort(socket: Socket): BytePort {
  const events = new TypedEmitter<{ data: Uint8Array; close: Error | null }>();
  let open = true;
  let closingOnPurpose = false;
  socket.setNoDelay(true);
  socket.on('data', (chunk: Buffer) => events.emit('data', new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
  let lastError: Error | null = null;
  socket.on('error', (e) => {
    lastError = e;
  });
  socket.on('close', () => {
    if (!open) return;
    open = false;
    events.emit('close', closingOnPurpose ? null : new DeviceError('DeviceDisconnected', `connection closed${lastError ? `: ${lastError.message}` : ''}`, { messageZh: '设备已断开' }));
    events.clear();
  });
  return {
    get isOpen() {
      return open;
    },
    write(data: Uint8Array) {
      return new Promise<void>((resolve, reject) => {
        if (!open) {
          reject(new DeviceError('DeviceDisconnected', 'port is closed', { messageZh: '设备已断开' }));
          return;
        }
        socket.write(data, (err) => (err ? reject(new DeviceError('DeviceDisconnected', `write failed: ${err.message}`, { messageZh: '设备已断开', cause: err })) : resolve()));
      });
    },
    onData: (l) => events.on('data', l),
    onClose: (l) => events.on('close', l),
    close() {
      return new Promise<void>((resolve) => {
        if (!open) return resolve();
        closingOnPurpose = true;
        socket.once('close', () => resolve());
        socket.end();
        setTimeout(() => socket.destroy(), 500).unref();
      });
    },
  };
}

/**
 * Connects to a raw TCP printer port (usually 9100) and returns a
 * {@link BytePort}. Rejects with PortOpenFailed when the connection is
 * refused, unreachable or not made within `connectTimeoutMs`.
 */
export function openTcpBytePort(host: string, port = 9100, options: TcpPortOptions = {}): Promise<BytePort> {
  const timeoutMs = options.connectTimeoutMs ?? 3000;
  return new Promise<BytePort>((resolve, reject) => {
    const socket = connect({ host, port });
    const fail = (message: string, cause?: unknown) => {
      socket.destroy();
      reject(new DeviceError('PortOpenFailed', `cannot connect to ${host}:${port}: ${message}`, { messageZh: `无法连接打印机 ${host}:${port}`, cause }));
    };
    const timer = setTimeout(() => fail(`no connection within ${timeoutMs} ms`), timeoutMs);
    socket.once('error', (e) => {
      clearTimeout(timer);
      fail(e.message, e);
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socketBytePort(socket));
    });
  });
}
