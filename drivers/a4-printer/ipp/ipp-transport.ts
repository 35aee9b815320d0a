import { request } from 'node:http';
import { DeviceError } from '../../base/errors';
import { decodeIppMessage } from './ipp-decode';
import { encodeIppMessage } from './ipp-encode';
import type { IppMessage } from './ipp-message';

/** Where IPP requests go: an HTTP endpoint such as CUPS at `localhost:631`, path `/printers/NAME`. */
export interface IppEndpoint {
  host: string;
  port: number;
  /** HTTP path, e.g. `/printers/KioskPDF`. */
  path: string;
}

/** True for a DeviceError meaning "nobody answered at the endpoint". */
export function isSpoolerUnreachable(e: unknown): boolean {
  return e instanceof DeviceError && e.classCode === 'spooler-unreachable';
}

/**
 * Sends one IPP request over HTTP POST (`Content-Type: application/ipp`) and
 * decodes the response. Rejects with {@link DeviceError}:
 * `PortOpenFailed` / `spooler-unreachable` when the connection fails or no
 * response arrives within `timeoutMs` (default 10 000 ms);
 * `ProtocolError` for an HTTP status other than 200 or a malformed body.
 * IPP-level status codes are returned, not thrown.
 */
export function sendIppRequest(endpoint: IppEndpoint, message: IppMessage, timeoutMs = 10_000): Promise<IppMessage> {
  const body = encodeIppMessage(message);
  const where = `${endpoint.host}:${endpoint.port}`;
  return new Promise<IppMessage>((resolve, reject) => {
    const req = request(
      {
        host: endpoint.host,
        port: endpoint.port,
        path: endpoint.path,
        method: 'POST',
        headers: { 'Content-Type': 'application/ipp', 'Content-Length': body.length },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => reject(unreachable(where, e)));
        res.on('end', () => {
          if (res.statusCode !== 200) {
            reject(new DeviceError('ProtocolError', `spooler at ${where} answered HTTP ${res.statusCode}`, { classCode: 'http-status', messageZh: '打印服务应答错误' }));
            return;
          }
          try {
            resolve(decodeIppMessage(new Uint8Array(Buffer.concat(chunks))));
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (e) => reject(unreachable(where, e)));
    req.end(body);
  });
}

function unreachable(where: string, cause: Error): DeviceError {
  return new DeviceError('PortOpenFailed', `print spooler unreachable at ${where}: ${cause.message}`, {
    classCode: 'spooler-unreachable',
    messageZh: '无法连接打印服务',
    cause,
  });
}
