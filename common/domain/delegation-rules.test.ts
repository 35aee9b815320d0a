import { describe, expect, it } from 'vitest';
import { ageOn, birthDateOf, delegationServiceRefusal, isChildForGuardianRoute } from './delegation-rules';
import { idNumberCheckChar } from './id-number';

const id = (birth: string) => `110101${birth}123${idNumberCheckChar(`110101${birth}123`)}`;

describe('代办 rules', () => {
  it('reads the birth date of a valid number and refuses a bad check digit or an impossible date', () => {
    expect(birthDateOf(id('20120229'))).toEqual({ year: 2012, month: 2, day: 29 });
    expect(birthDateOf(`${id('20120229').slice(0, 17)}${id('20120229')[17] === '0' ? '1' : '0'}`)).toBeNull();
    expect(birthDateOf(id('20130229'))).toBeNull();
  });

  it('counts whole years: 13 the day before the 14th birthday, 14 on it', () => {
    const child = id('20120615');
    expect(ageOn(child, new Date('2026-06-14T12:00:00Z'))).toBe(13);
    expect(isChildForGuardianRoute(child, new Date('2026-06-14T12:00:00Z'))).toBe(true);
    expect(ageOn(child, new Date('2026-06-15T00:00:00Z'))).toBe(14);
    expect(isChildForGuardianRoute(child, new Date('2026-06-15T00:00:00Z'))).toBe(false);
    expect(ageOn(child, new Date('2011-01-01T00:00:00Z'))).toBeNull();
  });

  it('allows only items marked delegable, named by the authorisation (or its basic item) and before its expiry', () => {
    const now = new Date('2026-12-08T00:00:00Z');
    const later = '2026-12-09T00:00:00Z';
    expect(delegationServiceRefusal({ code: 'A' }, null, now)).toBe('not-delegable');
    expect(delegationServiceRefusal({ code: 'A', delegable: false }, null, now)).toBe('not-delegable');
    expect(delegationServiceRefusal({ code: 'A', delegable: true }, null, now)).toBeNull();
    expect(delegationServiceRefusal({ code: 'A', delegable: true }, { services: ['B'], expiresAt: later }, now)).toBe('authorisation-other-service');
    expect(delegationServiceRefusal({ code: 'A-410102', delegable: true, implements: 'A' }, { services: ['A'], expiresAt: later }, now)).toBeNull();
    expect(delegationServiceRefusal({ code: 'A', delegable: true }, { services: ['A'], expiresAt: '2026-12-07T23:59:59Z' }, now)).toBe('authorisation-expired');
  });
});
