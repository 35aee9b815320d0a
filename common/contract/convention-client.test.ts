import { describe, expect, it } from 'vitest';
import type { ClientTransport } from './client';
import { createConventionClient } from './convention-client';
import { KioskError, type Result } from './errors';
import type { KioskContract } from './kiosk-contract';

/** A transport that records calls and subscriptions and answers from a table. */
function recordingTransport(answers: Record<string, Result<unknown>>) {
  const calls: Array<{ channel: string; payload: unknown }> = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const transport: ClientTransport = {
    async call(channel, payload) {
      calls.push({ channel, payload });
      return answers[channel] ?? { ok: false, error: { code: 'invalid-payload', message: `unknown channel ${channel}` } };
    },
    subscribe(channel, listener) {
      listeners.set(channel, listener);
      return () => listeners.delete(channel);
    },
  };
  return { transport, calls, listeners };
}

describe('createConventionClient', () => {
  it('maps a method member to a call on service:member and resolves with the value', async () => {
    const { transport, calls } = recordingTransport({ 'catalogue:get': { ok: true, value: { code: 'X1' } } });
    const api = createConventionClient<KioskContract>(transport);
    await expect(api.catalogue.get({ code: 'X1' })).resolves.toEqual({ code: 'X1' });
    expect(calls).toEqual([{ channel: 'catalogue:get', payload: { code: 'X1' } }]);
  });

  it('sends {} when a method is called without input', async () => {
    const { transport, calls } = recordingTransport({ 'system:info': { ok: true, value: 1 } });
    const api = createConventionClient<KioskContract>(transport);
    await (api.system.info as unknown as () => Promise<unknown>)();
    expect(calls[0]!.payload).toEqual({});
  });

  it('rejects with a KioskError carrying the host code', async () => {
    const { transport } = recordingTransport({ 'session:end': { ok: false, error: { code: 'no-session', message: 'none', detail: { a: 1 } } } });
    const api = createConventionClient<KioskContract>(transport);
    const error = await api.session.end({ reason: 'done' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KioskError);
    expect(error).toMatchObject({ code: 'no-session', message: 'none', detail: { a: 1 } });
  });

  it('maps onX members to subscriptions and returns the unsubscribe function', () => {
    const { transport, listeners } = recordingTransport({});
    const api = createConventionClient<KioskContract>(transport);
    const seen: unknown[] = [];
    const off = api.devices.onStatusChanged((s) => seen.push(s));
    listeners.get('devices:onStatusChanged')!({ id: 'idcard' });
    expect(seen).toEqual([{ id: 'idcard' }]);
    off();
    expect(listeners.has('devices:onStatusChanged')).toBe(false);
  });

  it('returns the same function for the same member, and is never taken for a promise', async () => {
    const { transport, calls } = recordingTransport({});
    const api = createConventionClient<KioskContract>(transport);
    expect(api.session.current).toBe(api.session.current);
    expect(api.session).toBe(api.session);
    expect((api as unknown as { then?: unknown }).then).toBeUndefined();
    expect((api.session as unknown as { then?: unknown }).then).toBeUndefined();
    await expect(Promise.resolve(api.session)).resolves.toBe(api.session);
    expect(calls).toEqual([]);
  });

  it('ignores symbols and names that cannot be members', () => {
    const { transport } = recordingTransport({});
    const api = createConventionClient<KioskContract>(transport) as unknown as Record<PropertyKey, unknown>;
    expect(api[Symbol.iterator]).toBeUndefined();
    expect(api.Constructor).toBeUndefined();
    expect((api.system as Record<string, unknown>)['__proto__x']).toBeUndefined();
  });
});
