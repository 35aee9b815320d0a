import type { ContextInterface, ReaderInterface } from 'smartcard';
import { SsCardError, type SsCardRefusal } from '../errors';
import type { PcscBinding, PcscCard } from './binding';

/** Largest response accepted, in bytes (a short APDU's 256 data bytes + SW). */
const MAX_RESPONSE = 258;

/**
 * PC/SC error texts of the `smartcard` native addon (src/pcsc_errors.h of
 * smartcard 3.7.0; the addon throws plain Errors carrying only these texts)
 * and what each means for a card read.
 */
const REFUSAL_BY_MESSAGE: ReadonlyArray<[RegExp, SsCardRefusal]> = [
  [/PC\/SC service (not running|stopped)/, 'service-unavailable'],
  [/No readers available|Unknown reader|Reader unavailable/, 'no-reader'],
  [/No smart card present|Card is unpowered/, 'no-card'],
  [/Card was removed|Card was reset/, 'card-removed'],
  [/Transaction failed|Communication error/, 'malformed-reply'],
  [/Card is unresponsive|Card is not supported|Protocol mismatch/, 'unknown-card'],
];

/** Maps an error of the addon to an {@link SsCardError}; `fallback` for texts not listed. */
export function toSsCardError(e: unknown, during: string, fallback: SsCardRefusal): SsCardError {
  if (e instanceof SsCardError) return e;
  const message = e instanceof Error ? e.message : String(e);
  const refusal = REFUSAL_BY_MESSAGE.find(([re]) => re.test(message))?.[1] ?? fallback;
  return new SsCardError(refusal, `${during}: ${message}`, { cause: e });
}

type SmartcardModule = typeof import('smartcard');

/**
 * Opens a PC/SC context through the `smartcard` package (N-API, built
 * against libpcsclite). The package is an optional dependency, loaded here
 * and not at import time, so a machine without libpcsclite still installs and
 * runs everything else. The daemon's socket comes from libpcsclite's own
 * rules (`PCSCLITE_CSOCK_NAME`, else /run/pcscd/pcscd.comm). Rejects
 * SsCardError `service-unavailable` when pcscd cannot be reached or the
 * addon is not installed.
 */
export async function openSmartcardBinding(): Promise<PcscBinding> {
  let pcsc: SmartcardModule;
  try {
    pcsc = await import('smartcard');
  } catch (e) {
    throw new SsCardError('service-unavailable', `the smartcard addon is not installed (${(e as Error).message})`, { cause: e });
  }
  let context: ContextInterface;
  try {
    context = new pcsc.Context();
  } catch (e) {
    throw toSsCardError(e, 'establish context', 'service-unavailable');
  }
  return new SmartcardBinding(pcsc, context);
}

class SmartcardBinding implements PcscBinding {
  private closed = false;

  constructor(
    private readonly pcsc: SmartcardModule,
    private readonly context: ContextInterface,
  ) {}

  listReaders(): string[] {
    return this.readers().map((r) => r.name);
  }

  cardPresent(reader: string): boolean {
    return (this.find(reader).state & this.pcsc.SCARD_STATE_PRESENT) !== 0;
  }

  async connect(reader: string): Promise<PcscCard> {
    let card;
    try {
      card = await this.find(reader).connect(this.pcsc.SCARD_SHARE_SHARED, this.pcsc.SCARD_PROTOCOL_T0 | this.pcsc.SCARD_PROTOCOL_T1);
    } catch (e) {
      throw toSsCardError(e, 'connect', 'no-card');
    }
    const atr = Uint8Array.from(card.atr ?? []);
    const leave = this.pcsc.SCARD_LEAVE_CARD;
    let connected = true;
    return {
      atr,
      async transmit(apdu: Uint8Array): Promise<Uint8Array> {
        try {
          return Uint8Array.from(await card.transmit(Buffer.from(apdu), { maxRecvLength: MAX_RESPONSE, autoGetResponse: true }));
        } catch (e) {
          throw toSsCardError(e, 'transmit', 'malformed-reply');
        }
      },
      disconnect(): void {
        if (!connected) return;
        connected = false;
        try {
          card.disconnect(leave);
        } catch {
          // The card or the daemon is already gone: nothing left to release.
        }
      },
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.context.close();
    } catch {
      // Already invalid (daemon gone): nothing left to release.
    }
  }

  private readers(): ReaderInterface[] {
    if (this.closed) throw new SsCardError('service-unavailable', 'PC/SC context closed');
    try {
      return this.context.listReaders();
    } catch (e) {
      throw toSsCardError(e, 'list readers', 'service-unavailable');
    }
  }

  private find(name: string): ReaderInterface {
    const reader = this.readers().find((r) => r.name === name);
    if (!reader) throw new SsCardError('no-reader', `reader "${name}" not known to PC/SC`);
    return reader;
  }
}
