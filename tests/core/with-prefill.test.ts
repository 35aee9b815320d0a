import { describe, expect, it } from 'vitest';
import { withPrefill } from '../../main/core/services/transactions-service';
import type { Identity } from '../../main/core/session/identity';
import { RESIDENT, sampleService } from './support/fixtures';

const identity: Identity = { method: 'idcard', name: RESIDENT.name, idNumber: RESIDENT.idNumber, address: RESIDENT.address, cardType: 'resident', expired: false };

describe('withPrefill', () => {
  it('fills identity fields from core, ignoring what the renderer sent for them', () => {
    const values = withPrefill(sampleService(), { name: '冒名', idNumber: '110101199003070011', phone: '13800138000' }, identity);
    expect(values).toEqual({ name: RESIDENT.name, idNumber: RESIDENT.idNumber, phone: '13800138000' });
  });

  it('keeps only fields the item defines', () => {
    expect(withPrefill(sampleService(), { phone: '13800138000', injected: 'x' }, identity)).not.toHaveProperty('injected');
  });

  it('without an identity, prefilled fields take what was sent (the pre-check then judges them)', () => {
    expect(withPrefill(sampleService(), { name: '张三' }, null)).toEqual({ name: '张三' });
  });

  it('a missing identity value (QR identity without an ID number) becomes an empty string', () => {
    expect(withPrefill(sampleService(), {}, { ...identity, idNumber: null }).idNumber).toBe('');
  });
});
