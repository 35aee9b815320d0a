import type { DeviceStatus } from '../../../common/contract/schemas';
import type { EventSink } from '../../../common/contract/define';
import type { KioskContract } from '../../../common/contract/kiosk-contract';

/**
 * Latest status of every configured device, keyed by name. Drivers push their
 * status here; each change is published as `devices:onStatusChanged` so the UI
 * never polls.
 */
export class DeviceRegistry {
  private readonly statuses = new Map<string, DeviceStatus>();

  constructor(private readonly events: EventSink<KioskContract>) {}

  /** Records a status and publishes it when it differs from the previous one. */
  update(status: DeviceStatus): void {
    const previous = this.statuses.get(status.name);
    this.statuses.set(status.name, status);
    if (!previous || previous.state !== status.state || previous.paper !== status.paper || previous.coverOpen !== status.coverOpen || previous.error !== status.error) {
      this.events.emit('devices', 'onStatusChanged', status);
    }
  }

  /** Status of one device or undefined. */
  get(name: string): DeviceStatus | undefined {
    return this.statuses.get(name);
  }

  /** All statuses, sorted by name. */
  list(): DeviceStatus[] {
    return [...this.statuses.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
