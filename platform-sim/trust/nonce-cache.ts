/**
 * Nonces seen within the replay window. A nonce is remembered until its
 * expiry (epoch ms); expired ones are dropped as new ones arrive, so memory
 * stays bounded by the request rate times the window.
 */
export class NonceCache {
  private readonly seen = new Map<string, number>();

  /** Records `key` until `expiresAtMs`; false when it is already recorded and not yet expired (a replay). */
  remember(key: string, nowMs: number, expiresAtMs: number): boolean {
    for (const [k, exp] of this.seen) {
      if (exp > nowMs) break;
      this.seen.delete(k);
    }
    const exp = this.seen.get(key);
    if (exp !== undefined && exp > nowMs) return false;
    this.seen.delete(key);
    this.seen.set(key, expiresAtMs);
    return true;
  }
}
