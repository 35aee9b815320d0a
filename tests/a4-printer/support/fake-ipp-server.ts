import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeIppMessage } from '../../../drivers/a4-printer/ipp/ipp-decode';
import { encodeIppMessage } from '../../../drivers/a4-printer/ipp/ipp-encode';
import type { IppGroup, IppMessage } from '../../../drivers/a4-printer/ipp/ipp-message';

/** What a scripted handler returns: status code and groups (operation group with charset is added). */
export interface FakeReply {
  status: number;
  groups?: IppGroup[];
  /** Raw body instead of an encoded message (to test malformed answers). */
  raw?: Uint8Array;
  httpStatus?: number;
}

/** A loopback HTTP server that answers IPP requests with a scripted handler; records every request. */
export interface FakeIppServer {
  port: number;
  requests: IppMessage[];
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 with an ephemeral port. */
export async function startFakeIppServer(handle: (request: IppMessage) => FakeReply): Promise<FakeIppServer> {
  const requests: IppMessage[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = decodeIppMessage(new Uint8Array(Buffer.concat(chunks)));
      requests.push(request);
      const reply = handle(request);
      const body =
        reply.raw ??
        encodeIppMessage({
          version: [2, 0],
          code: reply.status,
          requestId: request.requestId,
          groups: [
            {
              tag: 0x01,
              attributes: [
                { name: 'attributes-charset', values: [{ tag: 0x47, value: 'utf-8' }] },
                { name: 'attributes-natural-language', values: [{ tag: 0x48, value: 'en' }] },
              ],
            },
            ...(reply.groups ?? []),
          ],
          data: new Uint8Array(0),
        });
      res.writeHead(reply.httpStatus ?? 200, { 'Content-Type': 'application/ipp' });
      res.end(Buffer.from(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
