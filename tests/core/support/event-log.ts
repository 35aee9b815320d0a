import type { EventHub } from '../../../common/contract/event-hub';
import type { KioskContract } from '../../../common/contract/kiosk-contract';

/** One event as a transport would forward it. */
export interface LoggedEvent {
  channel: string;
  payload: unknown;
}

/**
 * Records every event of the core's hub, exactly as a transport subscribes
 * to it, so tests can wait for one and scan all payloads for personal data.
 */
export class EventLog {
  readonly events: LoggedEvent[] = [];
  private readonly off: () => void;

  constructor(hub: EventHub<KioskContract>) {
    this.off = hub.subscribe((channel, payload) => this.events.push({ channel, payload }));
  }

  /** Payloads of one channel, oldest first. */
  of<T = unknown>(channel: string): T[] {
    return this.events.filter((e) => e.channel === channel).map((e) => e.payload as T);
  }

  /** Every payload serialised, for "never contains" checks. */
  serialised(): string {
    return this.events.map((e) => JSON.stringify(e.payload)).join('\n');
  }

  /** Stops recording. */
  close(): void {
    this.off();
  }
}
