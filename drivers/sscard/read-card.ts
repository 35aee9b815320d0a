import { EF05, EF06, RECORDS, readRecordById, selectByAid, selectByFid, SSSE_AID, type RecordName } from './apdu/commands';
import { recordValue, splitResponse, SW_NOT_FOUND, SW_OK } from './apdu/response';
import { decodeRecords, type RecordValues } from './decode/fields';
import { SsCardError } from './errors';
import type { PcscCard } from './pcsc/binding';
import type { SsCardData } from './types';

/** Sends one APDU and returns its response; `label` names the command in errors. */
export type Exchange = (apdu: Uint8Array, label: string) => Promise<{ data: Uint8Array; sw: number }>;

/**
 * Reads the public basic data of a connected card: SELECT SSSE by AID,
 * SELECT EF05, READ RECORD 01/05/06/07, SELECT EF06, READ RECORD 08–0D.
 * Nothing else is sent (no PIN, no bank application). Rejects SsCardError
 * `unknown-card` when SSSE is absent (6A82) or the select fails otherwise,
 * `card-refused` (with `sw`) when a file or record is refused, and
 * `malformed-reply` for replies without the specified layout.
 */
export async function readSsCard(exchange: Exchange, now: Date): Promise<SsCardData> {
  const ssse = await exchange(selectByAid(SSSE_AID), 'SELECT SSSE');
  if (ssse.sw !== SW_OK) throw new SsCardError('unknown-card', ssse.sw === SW_NOT_FOUND ? 'no SSSE application' : 'SELECT SSSE refused', { sw: ssse.sw });
  const values: Partial<RecordValues> = {};
  for (const file of [EF05, EF06]) {
    const label = `SELECT EF${file.toString(16).toUpperCase().slice(2)}`;
    const selected = await exchange(selectByFid(file), label);
    if (selected.sw !== SW_OK) throw new SsCardError('card-refused', `${label} refused`, { sw: selected.sw });
    for (const [name, spec] of Object.entries(RECORDS) as [RecordName, (typeof RECORDS)[RecordName]][]) {
      if (spec.file !== file) continue;
      const recordLabel = `READ RECORD ${spec.id.toString(16).toUpperCase().padStart(2, '0')}`;
      const reply = await exchange(readRecordById(spec.id, spec.length), recordLabel);
      if (reply.sw !== SW_OK) throw new SsCardError('card-refused', `${recordLabel} refused`, { sw: reply.sw });
      values[name] = recordValue(reply.data, spec.id, recordLabel);
    }
  }
  return decodeRecords(values as RecordValues, now);
}

/**
 * An {@link Exchange} over a PC/SC card. A reply without a status word, or a
 * transmit failure PC/SC does not explain, is what a card leaving
 * mid-command looks like: it becomes `card-removed` when `stillPresent`
 * turns false within `settleMs` (pcscd polls presence about every 400 ms),
 * else the original `malformed-reply`.
 */
export function pcscExchange(card: PcscCard, stillPresent: () => boolean, settleMs = 1500): Exchange {
  return async (apdu, label) => {
    let failure: SsCardError;
    try {
      const reply = await card.transmit(apdu);
      if (reply.length >= 2) return splitResponse(reply, label);
      failure = new SsCardError('malformed-reply', `${label}: ${reply.length}-byte reply without status word`);
    } catch (e) {
      if (!(e instanceof SsCardError) || e.refusal !== 'malformed-reply') throw e;
      failure = e;
    }
    const deadline = Date.now() + settleMs;
    for (;;) {
      if (!presentOrFalse(stillPresent)) throw new SsCardError('card-removed', `${label}: card left the reader`, { cause: failure });
      if (Date.now() >= deadline) throw failure;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
}

function presentOrFalse(stillPresent: () => boolean): boolean {
  try {
    return stillPresent();
  } catch {
    return false;
  }
}
