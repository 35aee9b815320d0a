import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, socketOriginOf } from './content-security-policy';

/** Directive name → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split('; ').map((d) => { const [name, ...sources] = d.split(' '); return [name!, sources]; }));
}

describe('contentSecurityPolicy', () => {
  it('allows only the own origin for code, styles and network, and nothing for plugins, base, forms and framing', () => {
    const d = directives(contentSecurityPolicy());
    for (const name of ['default-src', 'style-src', 'connect-src']) expect(d.get(name), name).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) expect(d.get(name), name).toEqual(["'none'"]);
    expect(d.get('media-src')).toEqual(["'self'", 'blob:', 'mediastream:']);
    expect(contentSecurityPolicy().replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe|\*/);
  });

  it('adds the named connect sources to connect-src only', () => {
    const plain = directives(contentSecurityPolicy());
    const withSocket = directives(contentSecurityPolicy({ connectSources: ['ws://127.0.0.1:41234'] }));
    expect(withSocket.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:41234']);
    withSocket.delete('connect-src');
    plain.delete('connect-src');
    expect(withSocket).toEqual(plain);
  });

  it.each(["ws://a; script-src 'unsafe-inline'", 'ws://a b', '*', "'unsafe-eval'", 'ws://'])('refuses a smuggled source %j', (source) => {
    expect(() => contentSecurityPolicy({ connectSources: [source] })).toThrow(/not a CSP host source/);
  });

  it('maps a page origin to its WebSocket origin', () => {
    expect(socketOriginOf('http://127.0.0.1:5')).toBe('ws://127.0.0.1:5');
    expect(socketOriginOf('https://k.example')).toBe('wss://k.example');
  });
});
