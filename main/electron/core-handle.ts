import type { ContractDispatcher } from '../../common/contract/dispatcher';
import type { EventHub } from '../../common/contract/event-hub';
import type { KioskContract } from '../../common/contract/kiosk-contract';

/** What the shell needs from the composition root (`main/core`). */
export interface KioskCoreHandle {
  dispatcher: ContractDispatcher<KioskContract>;
  events: EventHub<KioskContract>;
  /** Stops devices, sync and storage; resolves when everything is closed. */
  close(): Promise<void>;
}

/**
 * True when nobody is using the kiosk (session stage `idle`), asked through
 * the contract itself so the shell needs no access to core internals.
 * False when the question cannot be answered.
 */
export async function isKioskIdle(core: Pick<KioskCoreHandle, 'dispatcher'>): Promise<boolean> {
  const r = await core.dispatcher.handle('session:current', {});
  return r.ok && (r.value as { stage?: unknown }).stage === 'idle';
}
