import { SYSTEM_CLOCK, type Clock } from './clock';

/** Options of {@link scheduleNightlyRestart}. */
export interface NightlyRestartOptions {
  /** First hour (0–23, in `timeZone`) at which an idle kiosk is restarted. */
  hour: number;
  /** Hour (0–23) at which the restart happens even when the kiosk is not idle. */
  forceHour: number;
  /** IANA time zone of the hours, e.g. `Asia/Shanghai`. */
  timeZone: string;
  /** The idle rule ({@link IdleGate.isIdle}). */
  isIdle(): boolean;
  /** Does the restart; `why` is `idle` or `forced`. */
  restart(why: 'idle' | 'forced'): void | Promise<void>;
  /** How often the rule is checked, in ms. Default 30 s. */
  checkEveryMs?: number;
  clock?: Clock;
}

/**
 * Restarts once a day: from `hour` on at the first check that finds the
 * kiosk idle, and at `forceHour` regardless (so a kiosk that is never idle
 * is still restarted within 24 h). A day in which the restart happened is
 * not restarted again; the day the schedule starts counts as done when it
 * starts after `hour` (a kiosk switched on in the morning is not restarted
 * at once). Throws RangeError when `forceHour` is before `hour`. Returns a
 * stop function.
 */
export function scheduleNightlyRestart(options: NightlyRestartOptions): () => void {
  if (options.forceHour < options.hour) throw new RangeError('nightly restart: forceHour must not be before hour');
  const clock = options.clock ?? SYSTEM_CLOCK;
  const every = options.checkEveryMs ?? 30_000;
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: options.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
  const local = (ms: number): { day: string; hour: number } => {
    const p = Object.fromEntries(parts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return { day: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) };
  };
  const started = local(clock.now());
  let doneDay: string | null = started.hour >= options.hour ? started.day : null;
  let timer: unknown = null;
  let stopped = false;

  const check = (): void => {
    if (stopped) return;
    const { day, hour } = local(clock.now());
    if (doneDay !== day && hour >= options.hour) {
      const forced = hour >= options.forceHour && !options.isIdle();
      if (forced || options.isIdle()) {
        doneDay = day;
        void Promise.resolve(options.restart(forced ? 'forced' : 'idle')).catch(() => undefined);
      }
    }
    timer = clock.setTimeout(check, every);
  };
  timer = clock.setTimeout(check, every);
  return () => {
    stopped = true;
    if (timer !== null) clock.clearTimeout(timer);
  };
}
