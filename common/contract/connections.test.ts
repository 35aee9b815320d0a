import { describe, expect, it } from 'vitest';
import { ConnectionRegistry, IN_PROCESS_CONNECTION } from './connections';
import { KioskError } from './errors';

describe('ConnectionRegistry', () => {
  it('opens connections holding citizen only, with ids unique and never reused', () => {
    const r = new ConnectionRegistry({ tag: 't' });
    const a = r.open('websocket');
    r.close(a.id);
    const b = r.open('ipc');
    expect([a.id, b.id]).toEqual(['t-1', 't-2']);
    expect(b.roles()).toEqual(['citizen']);
    expect(b.has('citizen')).toBe(true);
    expect(b.has('technician')).toBe(false);
    expect(b.transport).toBe('ipc');
    expect(r.list()).toEqual([b]);
  });

  it('grants and revokes a role on one connection only', () => {
    const r = new ConnectionRegistry();
    const a = r.open('test');
    const b = r.open('test');
    r.grant(a.id, 'technician');
    r.grant(a.id, 'technician');
    expect(a.roles()).toEqual(['citizen', 'technician']);
    expect(b.has('technician')).toBe(false);
    r.revoke(a.id, 'technician');
    expect(a.has('technician')).toBe(false);
    expect(a.has('citizen')).toBe(true);
  });

  it('a closed connection holds nothing and cannot be granted anything', () => {
    const r = new ConnectionRegistry();
    const a = r.open('test');
    r.grant(a.id, 'technician');
    r.close(a.id);
    r.close(a.id);
    expect(a.isOpen()).toBe(false);
    expect(a.roles()).toEqual([]);
    expect(a.has('citizen')).toBe(false);
    expect(r.get(a.id)).toBeUndefined();
    expect(() => r.grant(a.id, 'technician')).toThrow(KioskError);
    expect(() => r.grant(a.id, 'technician')).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('refuses to revoke citizen (close the connection instead)', () => {
    const r = new ConnectionRegistry();
    const a = r.open('test');
    expect(() => r.revoke(a.id, 'citizen')).toThrow(expect.objectContaining({ code: 'invalid-payload' }));
    expect(a.has('citizen')).toBe(true);
  });

  it('ids of another registry (an earlier core) are unknown here', () => {
    const before = new ConnectionRegistry().open('port');
    const now = new ConnectionRegistry();
    now.open('port');
    expect(now.get(before.id)).toBeUndefined();
    expect(() => now.grant(before.id, 'technician')).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('owns only its own views, not look-alike objects with the same id', () => {
    const r = new ConnectionRegistry();
    const a = r.open('test');
    expect(r.owns(a)).toBe(true);
    expect(r.owns({ ...a, has: () => true })).toBe(false);
    expect(r.owns(IN_PROCESS_CONNECTION)).toBe(false);
  });

  it('hands out read-only views: a transport cannot change a connection', () => {
    const a = new ConnectionRegistry().open('test');
    expect(Object.isFrozen(a)).toBe(true);
    expect(() => Object.assign(a, { has: () => true })).toThrow(TypeError);
    expect(a.has('technician')).toBe(false);
  });

  it('the in-process caller is a citizen that no registry knows', () => {
    expect(IN_PROCESS_CONNECTION.roles()).toEqual(['citizen']);
    expect(IN_PROCESS_CONNECTION.has('technician')).toBe(false);
    expect(() => new ConnectionRegistry().grant(IN_PROCESS_CONNECTION.id, 'technician')).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});
