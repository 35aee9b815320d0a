import { openSerialBytePort } from '../drivers/base/serial-byte-port';
import { IdCardSimulator, loadSimCard, openIdCardReader, SAMPLE_CARDS } from '../drivers/idcard/index';
import { createPtyPair, hasSocat } from '../tests/support/pty-pair';

/**
 * ID card read time over a socat pty at 115200 baud versus the wire time of
 * the same bytes. A pty moves bytes instantly, so the simulator paces its
 * side like a real line (it waits each request's wire time and sends replies
 * in 64-byte pieces at 115200 baud); the ratio then shows what the driver
 * adds on top of the line. Also reports the unpaced time (driver + pty only).
 */
const BAUD = 115200;
const READS = 15;

async function measure(wireBaud: number | null): Promise<{ medianMs: number; bytesPerRead: number }> {
  const pty = await createPtyPair();
  const simPort = await openSerialBytePort({ path: pty.simEnd, baudRate: BAUD });
  const kioskPort = await openSerialBytePort({ path: pty.kioskEnd, baudRate: BAUD });
  let bytes = 0;
  simPort.onData((c) => (bytes += c.length));
  kioskPort.onData((c) => (bytes += c.length));
  const sim = new IdCardSimulator(simPort, { card: loadSimCard(SAMPLE_CARDS.resident), wireBaud });
  const reader = openIdCardReader(kioskPort, { name: 'idcard', simulated: true });
  await reader.read(); // warm-up; also brings the status online so reads are find + select + read only
  const times: number[] = [];
  let bytesPerRead = 0;
  for (let i = 0; i < READS; i++) {
    bytes = 0;
    const t0 = performance.now();
    await reader.read();
    times.push(performance.now() - t0);
    bytesPerRead = bytes;
  }
  await reader.close();
  await sim.close();
  await pty.destroy();
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, bytesPerRead };
}

if (!hasSocat()) {
  console.log('idcard bench: skipped (socat not installed)');
} else {
  const paced = await measure(BAUD);
  const wireMs = (paced.bytesPerRead * 10 * 1000) / BAUD;
  const unpaced = await measure(null);
  console.log(`idcard bytes per read (find + select + read, both directions): ${paced.bytesPerRead} bytes`);
  console.log(`idcard wire time of those bytes at ${BAUD} baud: ${wireMs.toFixed(1)} ms`);
  console.log(`idcard read time over pty, line paced at ${BAUD} baud (median of ${READS}): ${paced.medianMs.toFixed(1)} ms (goal: <= ${(wireMs * 1.1).toFixed(1)} ms)`);
  console.log(`idcard read time / wire time: ${(paced.medianMs / wireMs).toFixed(3)} x (goal: <= 1.10 x)`);
  console.log(`idcard read time over pty, unpaced (driver + pty only, median of ${READS}): ${unpaced.medianMs.toFixed(1)} ms (goal: informational)`);
}
process.exit(0);
