/** The time zone a terminal shows dates in when its configuration names none. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** True when `timeZone` is an IANA zone name this runtime knows (e.g. `Asia/Shanghai`, `Asia/Urumqi`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * A moment as a person reads it at the terminal: `YYYY-MM-DD HH:mm` in the
 * terminal's configured time zone (never the process's own, which is UTC on
 * many machines). `iso` is any string `Date` parses; an unparsable one is
 * returned as is. Throws RangeError for an unknown time zone (the
 * configuration refuses those).
 */
export function formatLocalDateTime(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The calendar date of a moment in the terminal's time zone, `YYYY-MM-DD` (see {@link formatLocalDateTime}). */
export function formatLocalDate(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const full = formatLocalDateTime(iso, timeZone);
  return full === iso ? iso : full.slice(0, 10);
}
