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
