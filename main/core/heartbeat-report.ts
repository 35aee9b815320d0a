import type { DeviceStatus } from '../../common/contract/schemas';
import type { HeartbeatAck } from '../../uplink/index';

/** What the core tells its host after each heartbeat the platform acknowledged (no personal data). */
export interface CoreHeartbeatReport {
  /** The version the platform pins for this terminal, validated (null = none or refused). */
  pinnedVersion: string | null;
  /** True when the platform's pin was not a version and was ignored. */
  pinRefused: boolean;
  /** True when every configured device opened (see {@link devicesOpened}). */
  devicesOpened: boolean;
}

/**
 * True when every device was opened: none is `noDevice`, `offline` or
 * `hardwareError` (paper out, a cover open or busy still count as opened).
 * An empty list counts as opened (a terminal configured without devices).
 */
export function devicesOpened(devices: readonly DeviceStatus[]): boolean {
  return devices.every((d) => d.state !== 'noDevice' && d.state !== 'offline' && d.state !== 'hardwareError');
}

/** The report of one acknowledged heartbeat. */
export function heartbeatReport(ack: HeartbeatAck, devices: readonly DeviceStatus[]): CoreHeartbeatReport {
  return { pinnedVersion: ack.pinnedVersion, pinRefused: ack.pinRefused === true, devicesOpened: devicesOpened(devices) };
}
