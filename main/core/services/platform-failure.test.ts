import { describe, expect, it } from 'vitest';
import { createPlatformClient, PlatformHttpError, PlatformProtocolError, PlatformUnreachableError } from '../../../uplink/index';
import { platformFailure } from './platform-failure';
import { resolveQrIdentity } from './qr-identity';

/** A client whose every call is answered `status` with `body`. */
const answering = (status: number, body: unknown) =>
  createPlatformClient({
    baseUrl: 'http://platform.invalid',
    deviceId: 'k',
    fetch: (async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })) as typeof fetch,
  });

describe('platformFailure: the typed errors as the citizen-facing services report them', () => {
  it('network failures and 5xx are unreachable, other HTTP errors rejected, bad answers invalid', () => {
    expect(platformFailure(new PlatformUnreachableError('down'))).toEqual({ reason: 'unreachable', status: null });
    expect(platformFailure(new PlatformHttpError(503, null, 'busy'))).toEqual({ reason: 'unreachable', status: 503 });
    expect(platformFailure(new PlatformHttpError(404, 'not-found', 'gone'))).toEqual({ reason: 'rejected', status: 404 });
    expect(platformFailure(new PlatformHttpError(429, null, 'slow down'))).toEqual({ reason: 'rejected', status: 429 });
    expect(platformFailure(new PlatformProtocolError('bad'))).toEqual({ reason: 'invalid-response', status: null });
  });

  it('rethrows anything that is not a platform error', () => {
    const bug = new TypeError('bug');
    expect(() => platformFailure(bug)).toThrow(bug);
  });
});

describe('resolveQrIdentity maps the client\'s errors to what the session service expects', () => {
  it('a person, a refusal, a malformed answer and a platform in trouble', async () => {
    expect(await resolveQrIdentity(answering(200, { name: '王芳', idNumber: null }), 'EID:x')).toEqual({ ok: true, name: '王芳', idNumber: null });
    expect(await resolveQrIdentity(answering(422, { error: 'qr-rejected' }), 'EID:x')).toEqual({ ok: false, reason: 'qr-rejected' });
    expect(await resolveQrIdentity(answering(200, { name: '' }), 'EID:x')).toEqual({ ok: false, reason: 'qr-rejected' });
    expect(await resolveQrIdentity(answering(503, { error: 'unavailable' }), 'EID:x')).toEqual({ ok: false, reason: 'platform-unreachable' });
  });
});
