import { createMemoryPipe } from '../../drivers/base/memory-pipe';
import type { BytePort } from '../../drivers/base/byte-port';
import { IdCardSimulator, loadSimCard, openIdCardReader, type IdCardReader, type IdCardReaderOptions, type IdCardSimulatorOptions } from '../../drivers/idcard/index';
import { DeviceError } from '../../drivers/base/errors';

/** A reader wired to a simulator through an in-process pipe. */
export interface SimRig {
  reader: IdCardReader;
  sim: IdCardSimulator;
  kioskPort: BytePort;
  close(): Promise<void>;
}

/** Builds a {@link SimRig}; the card defaults to none. */
export function simRig(simOptions: IdCardSimulatorOptions = {}, readerOptions: Partial<IdCardReaderOptions> = {}): SimRig {
  const [kioskPort, simPort] = createMemoryPipe();
  const sim = new IdCardSimulator(simPort, simOptions);
  const reader = openIdCardReader(kioskPort, { name: 'idcard', simulated: true, pollIntervalMs: 20, ...readerOptions });
  return {
    reader,
    sim,
    kioskPort,
    async close() {
      await reader.close();
      await sim.close();
    },
  };
}

/** Awaits `p` and returns the DeviceError it rejects with; fails when it resolves or rejects with something else. */
export async function rejection(p: Promise<unknown>): Promise<DeviceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DeviceError) return e;
    throw new Error(`expected a DeviceError, got ${String(e)}`);
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/** Waits until `predicate` holds (polling every 5 ms) or throws after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

export { loadSimCard };
