import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceError } from '../../drivers/base/errors';
import type { Scanner } from '../../drivers/scanner/interface';

/** What one run of the scanner contract needs. */
export interface ScannerContractRig {
  scanner: Scanner;
  /**
   * Makes the device produce `payload` (the simulator scans it; on hardware a
   * person scans a code printed with that content). Absent on hardware
   * runs that cannot inject a bad payload.
   */
  scan(payload: string): Promise<void>;
  /** Sends raw bytes as the device would (bad-payload checks); absent on hardware. */
  sendRaw?(bytes: Uint8Array): Promise<void>;
  teardown(): Promise<void>;
}

function next<T>(subscribe: (l: (v: T) => void) => () => void, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`nothing within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = subscribe((v) => {
      clearTimeout(timer);
      off();
      resolve(v);
    });
  });
}

/**
 * The contract every scanner binding keeps, run against the simulator (in
 * process and over a real pty) and, opt-in, against a real scanner: online
 * status, each scan as one `scanned` event with the exact payload, and
 * control characters rejected with a typed error that does not carry the payload.
 */
export function scannerContract(label: string, options: { payload: string; timeoutMs: number; setup(): Promise<ScannerContractRig> }): void {
  describe(`scanner contract: ${label}`, () => {
    let rig: ScannerContractRig;
    beforeEach(async () => {
      rig = await options.setup();
    });
    afterEach(async () => {
      await rig.teardown();
    });

    it('is online while its port is open', () => {
      expect(rig.scanner.status.state).toBe('online');
      expect(rig.scanner.status.device).toBe('scanner');
    });

    it('delivers one scanned event with the exact payload', async () => {
      const got = next<{ payload: string }>((l) => rig.scanner.on('scanned', l), options.timeoutMs);
      await rig.scan(options.payload);
      expect((await got).payload).toBe(options.payload);
    });

    it('rejects a payload with a control character, without echoing it', async () => {
      if (!rig.sendRaw) return expect(rig.sendRaw).toBeUndefined();
      const rejected = next<DeviceError>((l) => rig.scanner.on('rejected', l), options.timeoutMs);
      await rig.sendRaw(new TextEncoder().encode('EID:\u0007secret\r'));
      const error = await rejected;
      expect(error.kind).toBe('InvalidData');
      expect(error.classCode).toBe('control-character');
      expect(error.message).not.toContain('secret');
    });
  });
}
