import { openSerialBytePort } from '../../drivers/base/serial-byte-port';
import { IdCardSimulator, loadSimCard, openIdCardReader, SAMPLE_CARDS } from '../../drivers/idcard/index';
import { createPtyPair, hasSocat } from '../support/pty-pair';
import { idCardReaderContract } from './contract';
import { simRig } from './support';
import { describe, it } from 'vitest';

const card = () => loadSimCard(SAMPLE_CARDS.resident);

idCardReaderContract('simulator, in-process pipe', {
  controlsCard: true,
  card,
  async setup() {
    const rig = simRig();
    return { reader: rig.reader, placeCard: (c) => rig.sim.insertCard(c), liftCard: () => rig.sim.removeCard(), teardown: () => rig.close() };
  },
});

if (hasSocat()) {
  idCardReaderContract('simulator, socat pty pair', {
    controlsCard: true,
    card,
    async setup() {
      const pty = await createPtyPair();
      const sim = new IdCardSimulator(await openSerialBytePort({ path: pty.simEnd }));
      const reader = openIdCardReader(await openSerialBytePort({ path: pty.kioskEnd }), { name: 'idcard', simulated: true, pollIntervalMs: 50 });
      return {
        reader,
        placeCard: (c) => sim.insertCard(c),
        liftCard: () => sim.removeCard(),
        async teardown() {
          await reader.close();
          await sim.close();
          await pty.destroy();
        },
      };
    },
  });
} else {
  describe('ID card reader contract: simulator, socat pty pair', () => {
    it.skip('skipped: socat is not installed (apt-get install socat)', () => undefined);
  });
}

const hardwarePort = process.env.KIOSK_TEST_IDCARD_PORT;
if (hardwarePort) {
  idCardReaderContract(`real reader on ${hardwarePort} (place a card on it)`, {
    controlsCard: false,
    card,
    async setup() {
      const reader = openIdCardReader(await openSerialBytePort({ path: hardwarePort, baudRate: Number(process.env.KIOSK_TEST_IDCARD_BAUD ?? 115200) }), { name: 'idcard', simulated: false });
      return { reader, teardown: () => reader.close() };
    },
  });
} else {
  describe('ID card reader contract: real reader', () => {
    it.skip('pending: set KIOSK_TEST_IDCARD_PORT=/dev/ttyUSB0 (and place a card) to run the contract against hardware', () => undefined);
  });
}
