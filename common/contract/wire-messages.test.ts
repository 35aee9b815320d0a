import { describe, expect, it } from 'vitest';
import { isKioskErrorCode, isKioskErrorPayload, KIOSK_ERROR_CODES } from './errors';
import { KioskErrorCodeSchema, KioskErrorPayloadSchema } from './error-schemas';
import { WireEventSchema, WireResultSchema } from './wire';
import { readWireEvent, readWireResult } from './wire-messages';
import { isRole, ROLES } from './roles';
import { RoleSchema } from './schemas';

/** Messages a host (or an attacker on the socket) might send. */
const SAMPLES: unknown[] = [
  { type: 'result', id: 1, ok: true, value: { a: 1 } },
  { type: 'result', id: 2, ok: true },
  { type: 'result', id: 3, ok: false, error: { code: 'paper-out', message: 'out' } },
  { type: 'result', id: 4, ok: false, error: { code: 'paper-out', message: 'out', detail: { jobId: 'j' } } },
  { type: 'result', id: 5, ok: false, error: { code: 'made-up', message: 'x' } },
  { type: 'result', id: 6, ok: false, error: { code: 'timeout' } },
  { type: 'result', id: 7, ok: false, error: { code: 'timeout', message: 'x', detail: [1] } },
  { type: 'result', id: 8, ok: false, error: { code: 'timeout', message: 'x', detail: null } },
  { type: 'result', id: 1.5, ok: true, value: 1 },
  { type: 'result', id: '9', ok: true, value: 1 },
  { type: 'result', id: 10, ok: 'yes', value: 1 },
  { type: 'result', id: 11, ok: false, error: { code: 'forbidden', message: 'technician:status needs the technician role', detail: { role: 'technician' } } },
  { type: 'result', id: 12, ok: false, error: { code: 'forbidden', message: 'x', detail: 'technician' } },
  { type: 'event', channel: 'devices:onStatusChanged', payload: { x: 1 } },
  { type: 'event', channel: 7, payload: {} },
  { type: 'event' },
  { type: 'event', channel: 'x' },
  { type: 'event', channel: 'x', payload: null },
  { type: 'call', id: 1, channel: 'x', payload: {} },
  null,
  'result',
  42,
  [],
];

describe('zod-free wire readers agree with the host schemas', () => {
  it.each(SAMPLES.map((s) => [JSON.stringify(s), s]))('result %s', (_label, sample) => {
    const schema = WireResultSchema.safeParse(sample);
    expect(readWireResult(sample)).toEqual(schema.success ? schema.data : null);
  });

  it.each(SAMPLES.map((s) => [JSON.stringify(s), s]))('event %s', (_label, sample) => {
    const schema = WireEventSchema.safeParse(sample);
    expect(readWireEvent(sample)).toEqual(schema.success ? schema.data : null);
  });

  it('error guards accept exactly what the schemas accept', () => {
    for (const code of [...KIOSK_ERROR_CODES, 'nope', '', 3, null]) {
      expect(isKioskErrorCode(code)).toBe(KioskErrorCodeSchema.safeParse(code).success);
    }
    for (const sample of SAMPLES) {
      const error = (sample as { error?: unknown } | null)?.error;
      expect(isKioskErrorPayload(error)).toBe(KioskErrorPayloadSchema.safeParse(error).success);
    }
  });

  it('the role guard accepts exactly what RoleSchema accepts', () => {
    expect(isKioskErrorCode('forbidden')).toBe(true);
    for (const role of [...ROLES, 'Technician', 'admin', 'technician ', '', null, 1, ['technician'], { role: 'technician' }]) {
      expect(isRole(role), JSON.stringify(role)).toBe(RoleSchema.safeParse(role).success);
    }
  });
});
