import { describe, expect, it } from 'vitest';
import { DeviceError } from '../../base/errors';
import type { Off } from '../../base/typed-emitter';
import { openHidScanner } from '../hid-scanner';
import type { HidReportSource } from '../hid-report-source';
import { HidPosAssembler } from './hid-pos-assembler';
import { parseHidPosReport } from './hid-pos-report';

/** Builds a 64-byte HID-POS report: id, length, AIM id, data (NUL padded), further id, reserved, flags. */
function report(data: string | Uint8Array, options: { continued?: boolean; aim?: string; id?: number; length?: number } = {}): Uint8Array {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const r = new Uint8Array(64);
  r[0] = options.id ?? 0x02;
  r[1] = options.length ?? bytes.length;
  r.set(new TextEncoder().encode(options.aim ?? ']Q1'), 2);
  r.set(bytes, 5);
  r[63] = options.continued ? 0x01 : 0x00;
  return r;
}

describe('parseHidPosReport', () => {
  it('decodes the documented example vector (AIM ]Q0, 56 bytes, continued)', () => {
    const data = 'M1GATHERGOOD/MICHAEL YABCDEF LHRDURAK 3542 052Y003D23  ';
    const r = report(data.padEnd(56, ' '), { aim: ']Q0', continued: true });
    r[61] = 0x73;
    const parsed = parseHidPosReport(r);
    expect(parsed?.symbology).toBe(']Q0');
    expect(parsed?.data.length).toBe(56);
    expect(parsed?.continued).toBe(true);
    expect(new TextDecoder().decode(parsed!.data)).toBe(data.padEnd(56, ' '));
  });

  it('uses the length byte, not the NUL padding, and hands binary bytes through', () => {
    const parsed = parseHidPosReport(report(Uint8Array.of(0x41, 0x00, 0x42)));
    expect([...parsed!.data]).toEqual([0x41, 0x00, 0x42]);
    expect(parsed?.continued).toBe(false);
  });

  it('ignores reports with another report id', () => {
    expect(parseHidPosReport(report('X', { id: 0x04 }))).toBeNull();
    expect(parseHidPosReport(new Uint8Array(0))).toBeNull();
  });

  it('throws ProtocolError for a short report or a length beyond the report', () => {
    expect(() => parseHidPosReport(Uint8Array.of(0x02, 0x01, 0x5d))).toThrow(DeviceError);
    expect(() => parseHidPosReport(report('A', { length: 57 }))).toThrow(/length byte 57/);
  });
});

describe('HidPosAssembler', () => {
  it('joins continued reports into one payload', () => {
    const a = new HidPosAssembler(6144);
    const text = 'x'.repeat(56) + 'tail';
    expect(a.push(report(text.slice(0, 56), { continued: true })).kind).toBe('none');
    const done = a.push(report(text.slice(56)));
    expect(done.kind).toBe('payload');
    if (done.kind === 'payload') expect(new TextDecoder().decode(done.bytes)).toBe(text);
  });

  it('reports overflow once and recovers', () => {
    const a = new HidPosAssembler(60);
    a.push(report('y'.repeat(56), { continued: true }));
    expect(a.push(report('z'.repeat(10)))).toEqual({ kind: 'overflow', bytes: 66 });
    expect(a.push(report('ok')).kind).toBe('payload');
  });
});

class FakeSource implements HidReportSource {
  reports = new Set<(r: Uint8Array) => void>();
  closes = new Set<(e: Error | null) => void>();
  onReport(l: (r: Uint8Array) => void): Off {
    this.reports.add(l);
    return () => this.reports.delete(l);
  }
  onClose(l: (e: Error | null) => void): Off {
    this.closes.add(l);
    return () => this.closes.delete(l);
  }
  async close() {
    this.unplug(null);
  }
  send(r: Uint8Array) {
    for (const l of this.reports) l(r);
  }
  unplug(e: Error | null) {
    for (const l of this.closes) l(e);
    this.closes.clear();
  }
}

describe('openHidScanner', () => {
  it('emits scanned, rejected and offline status', () => {
    const source = new FakeSource();
    const scanner = openHidScanner(source, { name: 'qr', simulated: true, maxLength: 100 });
    const scanned: string[] = [];
    const rejected: string[] = [];
    const states: string[] = [];
    scanner.on('scanned', (s) => scanned.push(s.payload));
    scanner.on('rejected', (e) => rejected.push(`${e.kind}:${e.classCode}`));
    scanner.on('status', (s) => states.push(s.state));
    source.send(report('粤省事码-0001'));
    source.send(report('bad\tcode'));
    source.send(Uint8Array.of(0x02, 0x09));
    source.unplug(new Error('gone'));
    expect(scanned).toEqual(['粤省事码-0001']);
    expect(rejected).toEqual(['InvalidData:control-character', 'ProtocolError:short-report']);
    expect(states).toEqual(['offline']);
    expect(scanner.status).toMatchObject({ device: 'scanner', name: 'qr', state: 'offline', simulated: true, error: 'gone' });
  });
});
