import { describe, expect, it } from 'vitest';
import { SsCardError } from '../errors';
import { toSsCardError } from './smartcard-binding';

describe('toSsCardError: the addon’s PC/SC texts become refusals', () => {
  it.each([
    ['PC/SC service not running', 'service-unavailable'],
    ['PC/SC service stopped', 'service-unavailable'],
    ['No readers available', 'no-reader'],
    ['Unknown reader', 'no-reader'],
    ['Reader unavailable', 'no-reader'],
    ['No smart card present', 'no-card'],
    ['Card was removed', 'card-removed'],
    ['Card was reset', 'card-removed'],
    ['Card is unresponsive', 'unknown-card'],
    ['Transaction failed', 'malformed-reply'],
  ])('"%s" → %s', (text, refusal) => {
    expect(toSsCardError(new Error(text), 'connect', 'no-card').refusal).toBe(refusal);
  });

  it('uses the fallback for texts it does not know, keeps the cause and passes SsCardErrors through', () => {
    const cause = new Error('Something new');
    const e = toSsCardError(cause, 'transmit', 'malformed-reply');
    expect([e.refusal, e.message, e.cause]).toEqual(['malformed-reply', 'malformed-reply: transmit: Something new', cause]);
    const own = new SsCardError('no-card', 'x');
    expect(toSsCardError(own, 'connect', 'no-reader')).toBe(own);
  });
});
