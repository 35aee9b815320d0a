import { DeviceError } from '../base/errors';
import { decodeTextBlock } from './decode/text-block';
import { IdCardError } from './errors';
import { SW3_NO_CARD } from './protocol/sw3';
import type { IdCardSession } from './session';
import type { IdCardData } from './types';

/** Options of {@link readPresentCard}. */
export interface ReadPresentCardOptions {
  fingerprint: boolean;
  /** Extra attempts after a retryable failure (SW3 41/81, damaged reply); default 2. */
  retries?: number;
  /** Also read the appended address (30 03). */
  appendedAddress?: boolean;
  now: () => Date;
}

/** A decoded card plus what does not belong in {@link IdCardData}. */
export interface ReadCardResult {
  data: IdCardData;
  /** The appended address (追加住址) when requested and present, else null. */
  appendedAddress: string | null;
}

/**
 * Reads a card that "find" has just reported: select → read, retrying the
 * whole find → select → read sequence after SW3 41/81 or a damaged reply.
 * When a retry's find answers 80 the card was removed mid-read and the last
 * failure is thrown. Rejects with DeviceError kinds as the session does.
 */
export async function readPresentCard(session: IdCardSession, options: ReadPresentCardOptions): Promise<ReadCardResult> {
  const retries = options.retries ?? 2;
  let lastError: DeviceError | null = null;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0 && !(await session.findCard())) throw lastError ?? new IdCardError(SW3_NO_CARD, 'findCard');
    try {
      await session.selectCard();
      const parts = await session.readCard({ fingerprint: options.fingerprint });
      const text = decodeTextBlock(parts.text, options.now());
      const appendedAddress = options.appendedAddress ? await session.readAppendedAddress() : null;
      const data: IdCardData = {
        ...text,
        photoWlt: Buffer.from(parts.photo).toString('base64'),
        fingerprint: parts.fingerprint ? Buffer.from(parts.fingerprint).toString('base64') : null,
      };
      return { data, appendedAddress };
    } catch (e) {
      if (!isRetryable(e)) throw e;
      lastError = e;
    }
  }
  throw lastError ?? new IdCardError(SW3_NO_CARD);
}

/** True for SW3 41/81 and for a reply lost to a checksum error. */
export function isRetryable(e: unknown): e is DeviceError {
  if (e instanceof IdCardError) return e.retryable;
  return e instanceof DeviceError && e.kind === 'ProtocolError' && e.classCode === null;
}
