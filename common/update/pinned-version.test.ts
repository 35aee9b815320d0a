import { describe, expect, it } from 'vitest';
import { parsePinnedVersion } from './pinned-version';

describe('parsePinnedVersion', () => {
  it('takes a semver string or null', () => {
    expect(parsePinnedVersion(null)).toEqual({ ok: true, version: null });
    expect(parsePinnedVersion('1.0.0')).toEqual({ ok: true, version: '1.0.0' });
    expect(parsePinnedVersion('2.10.3-rc.1')).toEqual({ ok: true, version: '2.10.3-rc.1' });
  });

  it('refuses hostile and malformed values', () => {
    for (const bad of ['../../etc/passwd', '1.0.0/../../x', 'v1.0.0', '1.0', '01.0.0', '1.0.0 ', '1.0.0\n', '1.0.0+build', 'http://evil/1.0.0', '1.0.0-', '', `1.0.0-${'a'.repeat(70)}`, 7, {}, undefined, ['1.0.0']]) {
      expect(parsePinnedVersion(bad), JSON.stringify(bad)).toEqual({ ok: false });
    }
  });
});
