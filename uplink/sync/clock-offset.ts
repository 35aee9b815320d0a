import type { ConfigStore } from '../../offline-cache/index';

/** Config key where the last clock reading is kept. */
export const CLOCK_KEY = 'sync.clock';

/** Last platform clock reading: both clocks and the offset platform − kiosk. */
export interface ClockReading {
  /** Platform time (ISO) from `X-Platform-Time`. */
  platformTime: string;
  /** Kiosk time (ISO) at the midpoint of the exchange. */
  kioskTime: string;
  /** platform − kiosk, in ms (positive: the kiosk clock is behind). */
  offsetMs: number;
}

/** Computes the reading from one exchange (midpoint of send/receive as the kiosk's instant). */
export function clockReading(platformTime: Date, sentAt: number, receivedAt: number): ClockReading {
  const kiosk = Math.round((sentAt + receivedAt) / 2);
  return { platformTime: platformTime.toISOString(), kioskTime: new Date(kiosk).toISOString(), offsetMs: platformTime.getTime() - kiosk };
}

/** The stored reading, or null when none was ever taken or it is unreadable. */
export function lastClockReading(config: ConfigStore): ClockReading | null {
  const v = config.get(CLOCK_KEY) as Partial<ClockReading> | null;
  if (!v || typeof v.offsetMs !== 'number' || typeof v.platformTime !== 'string' || typeof v.kioskTime !== 'string') return null;
  return { platformTime: v.platformTime, kioskTime: v.kioskTime, offsetMs: v.offsetMs };
}
