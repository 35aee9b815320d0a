import type { SystemInfo } from '../../../common/contract/schemas';
import type { RemoteConfigPayload } from '../../../common/fleet/remote-config';
import type { KioskConfig } from '../config';

/**
 * The parts of `system.info` a remote configuration changes: idle timeout,
 * countdown and the partner theme (the platform's values over the local
 * file's) and the `fleet` settings; with none applied, the local file's.
 */
export function fleetInfo(config: KioskConfig, applied: RemoteConfigPayload | null): Pick<SystemInfo, 'idleTimeoutSeconds' | 'countdownSeconds' | 'theme' | 'fleet'> {
  if (!applied) return { idleTimeoutSeconds: config.idleTimeoutSeconds, countdownSeconds: config.countdownSeconds, theme: config.theme };
  const s = applied.settings;
  return {
    idleTimeoutSeconds: s.idleTimeoutSeconds,
    countdownSeconds: s.countdownSeconds,
    theme: { ...config.theme, partner: s.theme.partner, primaryColor: s.theme.primaryColor, logoUrl: s.theme.logoUrl },
    fleet: { configVersion: applied.version, services: s.services, openingHours: s.openingHours, languages: s.languages, voice: s.voice, maintenanceWindow: s.maintenanceWindow },
  };
}
