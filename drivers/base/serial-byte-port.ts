import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';
import type { BytePort } from './byte-port';
import { DeviceError } from './errors';
import { TypedEmitter } from './typed-emitter';

/** Options for {@link openSerialBytePort}. */
export interface SerialOptions {
  /** Device path, e.g. `/dev/ttyUSB0` or `COM3`. */
  path: string;
  /** Baud rate; default 115200. */
  baudRate?: number;
  /**
   * How often to check that the device node still exists, in ms; default 1000.
   * Some unplugs (USB-serial removal, a killed pty peer) never surface as a
   * close event from the binding, so the path is watched too. 0 disables.
   */
  presenceCheckMs?: number;
}

/**
 * Opens a serial port (8N1, no flow control) with the real `serialport`
 * binding and adapts it to {@link BytePort}. Rejects with `PortOpenFailed`
 * when the port cannot be opened. An unplugged device closes the port with
 * `DeviceDisconnected`.
 */
/**
 * The operating system's reason in a serialport open error, without the
 * decoration serialport adds ("Error: No such file or directory, cannot open
 * /dev/ttyX" → "No such file or directory"), so a message names the port once.
 */
export function serialOpenReason(message: string, path: string): string {
  const reason = message.replace(/^Error:\s*/, '').replace(`, cannot open ${path}`, '').trim();
  return reason.length > 0 ? reason : message;
}

export async function openSerialBytePort(options: SerialOptions): Promise<BytePort> {
  const port = new SerialPort({
    path: options.path,
    baudRate: options.baudRate ?? 115200,
    dataBits: 8,
    parity: 'none',
    stopBits: 1,
    rtscts: false,
    autoOpen: false,
  });
  await new Promise<void>((resolve, reject) => {
    port.open((err) => {
      if (err) reject(new DeviceError('PortOpenFailed', `cannot open ${options.path}: ${serialOpenReason(err.message, options.path)}`, { messageZh: `无法打开串口 ${options.path}`, cause: err }));
      else resolve();
    });
  });
  const events = new TypedEmitter<{ data: Uint8Array; close: Error | null }>();
  let open = true;
  let closingOnPurpose = false;
  port.on('data', (chunk: Buffer) => events.emit('data', new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
  port.on('error', () => {
    // Errors after open surface as a close below; nothing else to do here.
  });
  let vanished = false;
  const presenceMs = options.presenceCheckMs ?? 1000;
  const presence =
    presenceMs > 0
      ? setInterval(() => {
          if (open && !existsSync(options.path)) {
            vanished = true;
            port.close(() => undefined);
            finish(new Error('device node disappeared'));
          }
        }, presenceMs)
      : null;
  presence?.unref();
  const finish = (err: Error | null) => {
    if (!open) return;
    open = false;
    if (presence) clearInterval(presence);
    events.emit('close', closingOnPurpose && !vanished ? null : new DeviceError('DeviceDisconnected', `serial port ${options.path} closed${err ? `: ${err.message}` : ''}`, { messageZh: '设备已断开', cause: err ?? undefined }));
    events.clear();
  };
  port.on('close', (err: Error | null) => finish(err));
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
        port.write(Buffer.from(data.buffer, data.byteOffset, data.byteLength), (err) => {
          if (err) {
            reject(new DeviceError('DeviceDisconnected', `write failed: ${err.message}`, { messageZh: '设备已断开', cause: err }));
            return;
          }
          port.drain((drainErr) => (drainErr ? reject(new DeviceError('DeviceDisconnected', `drain failed: ${drainErr.message}`, { cause: drainErr })) : resolve()));
        });
      });
    },
    onData: (l) => events.on('data', l),
    onClose: (l) => events.on('close', l),
    close() {
      return new Promise<void>((resolve) => {
        if (!open) return resolve();
        closingOnPurpose = true;
        port.close(() => resolve());
      });
    },
  };
}
