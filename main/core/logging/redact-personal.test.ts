import { describe, expect, it } from 'vitest';
import { REDACTED, redactPersonal } from './redact-personal';

describe('redactPersonal', () => {
  it('redacts personal keys at any depth, whatever their spelling', () => {
    const out = redactPersonal({ session: { identity: null, stage: 'identified', person: { Name: '李四', id_number: 'x', home_address: 'keep?', phone: '1' } }, code: 'S1' });
    expect(out).toEqual({ session: { identity: null, stage: 'identified', person: { Name: REDACTED, id_number: REDACTED, home_address: 'keep?', phone: REDACTED } }, code: 'S1' });
  });

  it('keeps the field ids of a form but none of its values', () => {
    expect(redactPersonal({ data: { field1: '王五', amount: 3 }, service: 'X' })).toEqual({ data: { field1: REDACTED, amount: REDACTED }, service: 'X' });
  });

  it('replaces ID-card and mobile numbers inside any string, and inside error messages', () => {
    expect(redactPersonal('card 11010519491231002X read, call 13800138000')).toBe(`card ${REDACTED} read, call ${REDACTED}`);
    expect(redactPersonal({ err: new Error('bad id 110105194912310021') })).toEqual({ err: { name: 'Error', message: `bad id ${REDACTED}` } });
    expect(redactPersonal('receipt 2026120700001234 and 15 items')).toBe('receipt 2026120700001234 and 15 items');
  });

  it('survives cycles and very deep values', () => {
    const a: Record<string, unknown> = { k: 1 };
    a.self = a;
    expect(redactPersonal(a)).toEqual({ k: 1, self: '[cycle]' });
    let deep: Record<string, unknown> = { v: 1 };
    for (let i = 0; i < 12; i++) deep = { d: deep };
    expect(JSON.stringify(redactPersonal(deep))).toContain('[depth]');
  });
});
