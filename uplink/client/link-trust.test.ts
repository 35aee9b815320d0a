import { describe, expect, it } from 'vitest';
import { createLinkTrust, LINK_TRUSTED, type LinkTrustState } from './link-trust';
import { PlatformHttpError, PlatformUnreachableError } from './platform-errors';
import { PlatformReplyRejectedError, PlatformTrustRefusedError } from './trust-errors';

const refusal = (reason: ConstructorParameters<typeof PlatformTrustRefusedError>[1], status = 401) => new PlatformTrustRefusedError(status, reason, `HTTP ${status} ${reason}`);

describe('createLinkTrust: the platform answers read as the terminal standing', () => {
  it('revoked on device-revoked; not-enrolled on device-unknown; a success clears either', () => {
    const seen: LinkTrustState[] = [];
    const trust = createLinkTrust({ enrolled: true, now: () => Date.parse('2026-12-07T12:00:00Z') });
    trust.onChanged((s) => seen.push(s));
    trust.observe(refusal('device-revoked', 403));
    expect(trust.state).toEqual({ refused: 'revoked', code: 'device-revoked', at: '2026-12-07T12:00:00.000Z' });
    trust.observe(null);
    expect(trust.state).toEqual(LINK_TRUSTED);
    trust.observe(refusal('device-unknown'));
    expect(trust.state.refused).toBe('not-enrolled');
    expect(seen.map((s) => s.refused)).toEqual(['revoked', null, 'not-enrolled']);
  });

  it('signature-missing means not-enrolled only for a terminal without an enrolment', () => {
    const unenrolled = createLinkTrust({ enrolled: false });
    unenrolled.observe(refusal('signature-missing'));
    expect(unenrolled.state).toMatchObject({ refused: 'not-enrolled', code: 'signature-missing' });
    const enrolled = createLinkTrust({ enrolled: true });
    enrolled.observe(refusal('signature-missing'));
    expect(enrolled.state).toEqual(LINK_TRUSTED);
  });

  it('a bad signature, a replay, a clock out of window, a refused reply, a network or HTTP failure leave the standing as it is', () => {
    const trust = createLinkTrust({ enrolled: true, initial: { refused: 'revoked', code: 'device-revoked', at: '2026-01-01T00:00:00.000Z' } });
    let changes = 0;
    trust.onChanged(() => changes++);
    for (const e of [
      refusal('signature-invalid'),
      refusal('signature-replayed'),
      refusal('timestamp-out-of-window'),
      new PlatformReplyRejectedError('reply-signature-invalid', 'x'),
      new PlatformUnreachableError('x'),
      new PlatformHttpError(503, 'unavailable', 'x'),
    ]) {
      trust.observe(e);
    }
    expect(trust.state.refused).toBe('revoked');
    expect(changes).toBe(0);
  });
});
