import { describe, it } from 'vitest';
import { createMemoryPipe } from '../../drivers/base/memory-pipe';
import { openSerialBytePort } from '../../drivers/base/serial-byte-port';
import { openSerialScanner } from '../../drivers/scanner/serial-scanner';
import { ScannerSimulator } from '../../drivers/scanner/sim/scanner-simulator';
import { createPtyPair, hasSocat } from '../support/pty-pair';
import { scannerContract } from './contract';

const PAYLOAD = 'EID:11010519491231002X:张三';

scannerContract('simulator, in-process pipe', {
  payload: PAYLOAD,
  timeoutMs: 2000,
  async setup() {
    const [kioskEnd, simEnd] = createMemoryPipe();
    const scanner = openSerialScanner(kioskEnd, { name: 'scanner', simulated: true });
    const sim = new ScannerSimulator(simEnd);
    return {
      scanner,
      scan: (p) => sim.scan(p, { terminator: '\r\n', chunkSize: 5 }),
      sendRaw: (bytes) => simEnd.write(bytes),
      async teardown() {
        await scanner.close();
        await sim.close();
      },
    };
  },
});

if (hasSocat()) {
  scannerContract('simulator, socat pty pair', {
    payload: PAYLOAD,
    timeoutMs: 5000,
    async setup() {
      const pty = await createPtyPair();
      const simPort = await openSerialBytePort({ path: pty.simEnd, baudRate: 9600 });
      const scanner = openSerialScanner(await openSerialBytePort({ path: pty.kioskEnd, baudRate: 9600 }), { name: 'scanner', simulated: true });
      const sim = new ScannerSimulator(simPort);
      return {
        scanner,
        scan: (p) => sim.scan(p),
        sendRaw: (bytes) => simPort.write(bytes),
        async teardown() {
          await scanner.close();
          await sim.close();
          await pty.destroy();
        },
      };
    },
  });
} else {
  describe('scanner contract: simulator, socat pty pair', () => {
    it.skip('skipped: socat is not installed (apt-get install socat)', () => undefined);
  });
}

const hardwarePort = process.env.KIOSK_TEST_SCANNER_PORT;
if (hardwarePort) {
  const expected = process.env.KIOSK_TEST_SCANNER_PAYLOAD ?? PAYLOAD;
  scannerContract(`real scanner on ${hardwarePort} (scan a code that contains KIOSK_TEST_SCANNER_PAYLOAD)`, {
    payload: expected,
    timeoutMs: 30_000,
    async setup() {
      const scanner = openSerialScanner(await openSerialBytePort({ path: hardwarePort, baudRate: Number(process.env.KIOSK_TEST_SCANNER_BAUD ?? 9600) }), { name: 'scanner', simulated: false });
      return { scanner, scan: async () => undefined, teardown: () => scanner.close() };
    },
  });
} else {
  describe('scanner contract: real scanner', () => {
    it.skip('pending: set KIOSK_TEST_SCANNER_PORT=/dev/ttyACM0 (and KIOSK_TEST_SCANNER_PAYLOAD) to run the contract against hardware', () => undefined);
  });
}
