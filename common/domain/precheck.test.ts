import { describe, expect, it } from 'vitest';
import type { FormField } from '../contract/schemas';
import { precheckApplication } from './precheck';

const field = (over: Partial<FormField>): FormField => ({ id: 'f', label: 'L', kind: 'text', required: true, prefill: null, maxLength: 20, ...over });

describe('precheckApplication', () => {
  it('reports every missing, invalid and too-long item at once', () => {
    const problems = precheckApplication(
      [field({ id: 'name' }), field({ id: 'phone', kind: 'phone' }), field({ id: 'note', required: false, maxLength: 3 }), field({ id: 'kind', kind: 'select', options: ['a', 'b'] })],
      { name: '', phone: '12345', note: 'toolong', kind: 'c' },
      [
        { id: 'photo', required: true, electronic: false },
        { id: 'hukou', required: true, electronic: true },
        { id: 'extra', required: false, electronic: false },
      ],
      [],
    );
    expect(problems).toEqual([
      { target: 'field', id: 'name', problem: 'missing' },
      { target: 'field', id: 'phone', problem: 'invalid' },
      { target: 'field', id: 'note', problem: 'too-long' },
      { target: 'field', id: 'kind', problem: 'invalid' },
      { target: 'material', id: 'photo', problem: 'missing' },
    ]);
  });

  it('passes a complete application', () => {
    const problems = precheckApplication([field({ id: 'phone', kind: 'phone' }), field({ id: 'd', kind: 'date' })], { phone: '13800138000', d: '2026-01-31' }, [{ id: 'photo', required: true, electronic: false }], [{ id: 'photo', provided: true }]);
    expect(problems).toEqual([]);
  });
});
