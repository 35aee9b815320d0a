import type { BytePort } from '../base/byte-port';
import { openSerialBytePort } from '../base/serial-byte-port';
import { openTcpBytePort } from '../base/tcp-byte-port';

/**
 * Opens the port a printer is on: `tcp://HOST[:PORT]` (raw TCP, port 9100 by
 * default) or a serial device path (`/dev/ttyUSB0`, `COM3`) at `baudRate`
 * (default 115200). Rejects with PortOpenFailed when it cannot be opened.
 */
export function openPrinterPort(spec: string, baudRate = 115200): Promise<BytePort> {
  const tcp = /^tcp:\/\/([^:/]+)(?::(\d+))?\/?$/.exec(spec);
  if (tcp) return openTcpBytePort(tcp[1]!, tcp[2] ? Number(tcp[2]) : 9100);
  return openSerialBytePort({ path: spec, baudRate });
}
