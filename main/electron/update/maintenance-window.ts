/** When a terminal may install an update: a daily span of local time, in the terminal's time zone. */
export interface MaintenanceWindow {
  /** Local time the window opens, `HH:MM` (24 h), inclusive. */
  start: string;
  /** Local time the window closes, `HH:MM`, exclusive. Earlier than `start` = the window crosses midnight (`23:00`–`04:00`). */
  end: string;
  /** IANA time zone of `start` and `end`, e.g. `Asia/Shanghai` (the terminal's, never the process's own). */
  timeZone: string;
}

/** `HH:MM` as minutes after midnight; throws RangeError for anything else. */
export function minutesOfDay(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new RangeError(`not a local time HH:MM: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes after local midnight of the moment `ms` (epoch ms) in `timeZone`. Throws RangeError for an unknown zone. */
export function localMinutes(ms: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return Number(parts.hour) * 60 + Number(parts.minute);
}

/**
 * True when the moment `ms` (epoch ms) is inside `window`: from `start`
 * (inclusive) to `end` (exclusive) in the window's time zone; a window whose
 * end is earlier than its start spans midnight. `start` equal to `end` is an
 * empty window (the configuration refuses it). Throws RangeError for a
 * malformed time or an unknown time zone.
 */
export function isInMaintenanceWindow(window: MaintenanceWindow, ms: number): boolean {
  const start = minutesOfDay(window.start);
  const end = minutesOfDay(window.end);
  const now = localMinutes(ms, window.timeZone);
  return start <= end ? now >= start && now < end : now >= start || now < end;
}

/** `02:00–05:00 (Asia/Shanghai)`, for log lines. */
export function describeMaintenanceWindow(window: MaintenanceWindow): string {
  return `${window.start}–${window.end} (${window.timeZone})`;
}
