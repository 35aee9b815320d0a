import { statfsSync } from 'node:fs';
import type { DeviceStatus, ServiceState } from '../../../common/contract/schemas';
import type { TerminalHealth } from '../../../common/fleet/terminal-health';

/** The last distinct error codes (newest first, at most 10): devices that are not online, platform calls that failed. */
export class RecentErrorCodes {
  private codes: string[] = [];

  /** Notes a code (1–64 characters; longer ones are cut). */
  note(code: string): void {
    const c = code.slice(0, 64);
    if (this.codes[0] === c) return;
    this.codes = [c, ...this.codes.filter((x) => x !== c)].slice(0, 10);
  }

  list(): string[] {
    return [...this.codes];
  }
}

/** Free bytes of the file system holding `dir`, or null when it cannot be read. */
export function diskFreeBytes(dir: string): number | null {
  try {
    const s = statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

/** What {@link healthReport} reads. */
export interface HealthSources {
  version: string;
  startedAtMs: number;
  nowMs: number;
  devices: readonly DeviceStatus[];
  catalogueVersion: number;
  configVersion: number | null;
  dataDir: string;
  errors: RecentErrorCodes;
  service: ServiceState;
}

/** The heartbeat's health part (without `report`, which the schedule sets). No personal data. */
export function healthReport(s: HealthSources): Omit<TerminalHealth, 'report'> {
  for (const d of s.devices) if (d.state !== 'online' && d.state !== 'busy') s.errors.note(`${d.device}-${d.state}`);
  const printer = s.devices.find((d) => d.device === 'receiptPrinter');
  return {
    uptimeSeconds: Math.max(0, Math.floor((s.nowMs - s.startedAtMs) / 1000)),
    versions: { kiosk: s.version, runtime: process.versions.node, catalogue: s.catalogueVersion === 0 ? null : s.catalogueVersion, config: s.configVersion },
    paper: printer?.paper ?? 'unknown',
    diskFreeBytes: diskFreeBytes(s.dataDir),
    lastErrorCodes: s.errors.list(),
    inService: s.service.inService,
    outOfServiceReason: s.service.reason,
  };
}
