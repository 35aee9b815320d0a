import { describe, expect, it } from 'vitest';
import { DeviceStatusSchema } from '../../common/contract/schemas';
import { createMemoryPipe } from '../../drivers/base/memory-pipe';
import type { DeviceError } from '../../drivers/base/errors';
import { openSerialScanner } from '../../drivers/scanner/serial-scanner';
import { ScannerSimulator } from '../../drivers/scanner/sim/scanner-simulator';

function collect() {
  const [kiosk, sim] = createMemoryPipe();
  const scanner = openSerialScanner(kiosk, { name: 'scanner', simulated: true, maxLength: 64 });
  const scanned: string[] = [];
  const rejected: DeviceError[] = [];
  scanner.on('scanned', (s) => scanned.push(s.payload));
  scanner.on('rejected', (e) => rejected.push(e));
  return { scanner, simulator: new ScannerSimulator(sim), scanned, rejected };
}

const settle = () => new Promise((r) => setTimeout(r, 5));

describe('openSerialScanner over an in-process pipe', () => {
  it('emits each payload once, with CR or CRLF, in one piece or byte by byte', async () => {
    const { simulator, scanned, scanner } = collect();
    expect(DeviceStatusSchema.parse(scanner.status).state).toBe('online');
    await simulator.scan('HELLO-1');
    await simulator.scan('一码通:ABC', { terminator: '\r\n', chunkSize: 1 });
    await simulator.scan('https://x.gov.cn/?a=1&b=2', { terminator: '\r\n', chunkSize: 3 });
    await settle();
    expect(scanned).toEqual(['HELLO-1', '一码通:ABC', 'https://x.gov.cn/?a=1&b=2']);
  });

  it('rejects control characters and over-long payloads with typed errors, then keeps working', async () => {
    const { simulator, scanned, rejected } = collect();
    await simulator.scan('A\u0007B');
    await simulator.scan('x'.repeat(65));
    await simulator.scan('y'.repeat(400));
    await simulator.scan('OK');
    await settle();
    expect(rejected.map((e) => [e.kind, e.classCode])).toEqual([
      ['InvalidData', 'control-character'],
      ['InvalidData', 'too-long'],
      ['InvalidData', 'too-long'],
    ]);
    expect(scanned).toEqual(['OK']);
  });

  it('goes offline with a status event when the peer closes, and close() is idempotent', async () => {
    const { simulator, scanner } = collect();
    const statuses: string[] = [];
    scanner.on('status', (s) => statuses.push(`${s.state}:${s.error}`));
    await simulator.close();
    await settle();
    expect(statuses).toEqual(['offline:peer closed']);
    await scanner.close();
    await scanner.close();
    expect(scanner.status.state).toBe('offline');
  });
});
