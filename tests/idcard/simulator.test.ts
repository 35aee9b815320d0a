import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryPipe } from '../../drivers/base/memory-pipe';
import { IdCardSimulator, loadSimCard, parseFault, SAMPLE_CARDS, SIM_FAULTS } from '../../drivers/idcard/index';
import { fromHex, toHex } from '../../drivers/idcard/protocol/frame';

async function exchange(request: Uint8Array): Promise<string> {
  const [host, simPort] = createMemoryPipe();
  const sim = new IdCardSimulator(simPort, { card: loadSimCard(SAMPLE_CARDS.resident) });
  const reply = new Promise<string>((resolve) => host.onData((c) => resolve(toHex(c))));
  await host.write(request);
  const hex = await reply;
  await sim.close();
  return hex;
}

describe('IdCardSimulator wire behaviour', () => {
  it('answers SAM status with the 11-byte success frame', async () => {
    expect(await exchange(fromHex('AA AA AA 96 69 00 03 11 FF ED'))).toBe('AA AA AA 96 69 00 04 00 00 90 94');
  });
  it('answers find with the documented "found" frame', async () => {
    expect(await exchange(fromHex('AA AA AA 96 69 00 03 20 01 22'))).toBe('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
  });
  it('answers a request with a bad checksum with SW3 10', async () => {
    expect(await exchange(fromHex('AA AA AA 96 69 00 03 20 01 23'))).toBe('AA AA AA 96 69 00 04 00 00 10 14');
  });
  it('answers a request with an impossible length with SW3 11', async () => {
    expect(await exchange(fromHex('AA AA AA 96 69 00 01 20'))).toBe('AA AA AA 96 69 00 04 00 00 11 15');
  });
  it('answers select without a prior find with SW3 81', async () => {
    expect(await exchange(fromHex('AA AA AA 96 69 00 03 20 02 21'))).toBe('AA AA AA 96 69 00 04 00 00 81 85');
  });
});

describe('faults and card files', () => {
  it('knows every fault of the brief and one per SW3 failure code', () => {
    for (const f of ['no-card', 'slow-card', 'removed-mid-read', 'bad-checksum', 'split-frames', 'noise', 'disconnect', 'sw3-41', 'sw3-60', 'sw3-66', 'sw3-80', 'sw3-81']) {
      expect(SIM_FAULTS).toContain(f);
    }
    expect(parseFault('sw3-41-once')).toMatchObject({ kind: 'sw3', sw3: 0x41, once: true });
    expect(() => parseFault('sw3-99')).toThrow(RangeError);
    expect(() => parseFault('melt')).toThrow(/unknown fault/);
  });

  it('rejects an invalid card file with the field named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'idcard-card-'));
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ cardType: 'resident', name: '某', gender: '3' }));
    expect(() => loadSimCard(path)).toThrow(/gender/);
    expect(() => loadSimCard(join(dir, 'missing.json'))).toThrow(/cannot read/);
  });
});
