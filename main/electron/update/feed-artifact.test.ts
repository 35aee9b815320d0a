import { describe, expect, it } from 'vitest';
import { feedArtifact } from './feed-artifact';

describe('feedArtifact', () => {
  it('takes the entry naming the downloaded file, with its sha512 and kioskSignature', () => {
    const files = [
      { url: 'gov-kiosk_1.2.0_arm64.deb', sha512: 'ARM', kioskSignature: 'SIG-ARM' },
      { url: 'https://cdn.example/gov-kiosk_1.2.0_amd64.deb', sha512: 'AMD', kioskSignature: 'SIG-AMD' },
    ];
    expect(feedArtifact(files, '/cache/gov-kiosk_1.2.0_amd64.deb', 'TOP')).toEqual({ sha512: 'AMD', signature: 'SIG-AMD' });
    expect(feedArtifact(files, '/cache/other.deb', 'TOP')).toEqual({ sha512: 'ARM', signature: 'SIG-ARM' });
  });

  it('reads hostile feeds as unknown: malformed entries skipped, over-long values not taken, never a throw', () => {
    expect(feedArtifact([{ url: 7 }, null, 'x', { url: 'a.deb', sha512: 'S', kioskSignature: 5 }], '/c/a.deb', 'TOP')).toEqual({ sha512: 'TOP', signature: undefined });
    expect(feedArtifact([{ url: 'a.deb', sha512: 'S'.repeat(201) }], '/c/a.deb', 'T'.repeat(201))).toEqual({ sha512: '', signature: undefined });
    expect(feedArtifact('files', '/c/a.deb', undefined)).toEqual({ sha512: '', signature: undefined });
    expect(feedArtifact([{ url: 'a.deb', kioskSignature: 'SIG' }], '/c/a.deb', 'TOP')).toEqual({ sha512: 'TOP', signature: 'SIG' });
  });
});
