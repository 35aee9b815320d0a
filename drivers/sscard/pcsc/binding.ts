/**
 * The thin PC/SC surface the social-security card driver needs. The real
 * implementation wraps the `smartcard` N-API package (smartcard-binding.ts);
 * everything above this file only sees these two interfaces and
 * {@link SsCardError}s, so the package can be swapped without touching the
 * driver.
 */

/** A connected card (shared mode, T=0 or T=1). */
export interface PcscCard {
  /** Answer to reset. */
  readonly atr: Uint8Array;
  /**
   * Sends one command APDU and resolves the response APDU (data + SW1 SW2;
   * possibly shorter when the card left mid-command). Rejects SsCardError
   * `card-removed` when PC/SC says the card left, `service-unavailable` when
   * pcscd went away, `malformed-reply` for other transmit failures.
   */
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
  /** Leaves the card powered and releases the handle. Idempotent; never throws. */
  disconnect(): void;
}

/** One PC/SC context. */
export interface PcscBinding {
  /** Names of the readers PC/SC knows (maybe none). Throws SsCardError `service-unavailable`. */
  listReaders(): string[];
  /** True when the reader reports a card in it. Throws `no-reader` for an unknown reader, `service-unavailable` without pcscd. */
  cardPresent(reader: string): boolean;
  /** Connects to the card in `reader`. Rejects `no-card`, `no-reader`, `service-unavailable`, `unknown-card` (mute card). */
  connect(reader: string): Promise<PcscCard>;
  /** Releases the context. Idempotent; never throws. */
  close(): void;
}
