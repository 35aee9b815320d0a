import type { BytePort } from '../base/byte-port';
import type { Scanner, ScannerOptions } from './interface';
import { LineSplitter } from './parsers/line-splitter';
import { ScannerBase } from './scanner-base';

/** UTF-8 needs at most 3 bytes per UTF-16 code unit, so this bounds a line of `maxLength` characters. */
const BYTES_PER_CHAR = 3;

/**
 * A scanner in USB virtual-COM mode: each payload is one line ended by CR or
 * CRLF (a lone LF is accepted too), UTF-8 encoded. Works over any
 * {@link BytePort} (real serial port, pty, in-process pipe). Status starts
 * `online`; when the port closes (unplugged or `close()`), status becomes
 * `offline` and a `status` event is emitted. Invalid payloads (empty lines are
 * ignored) are reported as `rejected` with a typed `InvalidData` error.
 */
export function openSerialScanner(port: BytePort, options: ScannerOptions): Scanner {
  const scanner = new ScannerBase(options, () => port.close());
  const splitter = new LineSplitter(scanner.maxLength * BYTES_PER_CHAR);
  const offData = port.onData((chunk) => {
    for (const line of splitter.push(chunk)) {
      if (line.kind === 'line') scanner.deliver(line.bytes);
      else scanner.rejectOverflow(line.bytes);
    }
  });
  port.onClose((error) => {
    offData();
    scanner.markOffline(error ? error.message : 'port closed');
  });
  if (!port.isOpen) scanner.markOffline('port closed');
  return scanner;
}
