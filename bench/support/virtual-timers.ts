import type { UplinkTimers } from '../../uplink/index';

interface Entry {
  due: number;
  seq: number;
  period: number | null;
  work: () => Promise<void> | void;
  cancelled: boolean;
}

/**
 * The uplink's timers on a virtual clock: `run(untilMs)` jumps from one due
 * timer to the next in time order, calling `beforeFire(at)` first (the caller
 * moves the platform's clock and closes connections idle for longer than the
 * keep-alive) and awaiting each run and `settle()` (the requests it started)
 * before the next, so a day of the real schedule passes in seconds.
 */
export class VirtualTimers implements UplinkTimers {
  private entries: Entry[] = [];
  private seq = 0;

  constructor(public nowMs: number) {}

  every(ms: number, work: () => Promise<void>): () => void {
    return this.add(ms, ms, work);
  }

  after(ms: number, fire: () => void): () => void {
    return this.add(ms, null, fire);
  }

  private add(ms: number, period: number | null, work: () => Promise<void> | void): () => void {
    const entry: Entry = { due: this.nowMs + ms, seq: this.seq++, period, work, cancelled: false };
    this.entries.push(entry);
    return () => void (entry.cancelled = true);
  }

  /** Runs every timer due up to `untilMs`; returns how many fired. */
  async run(untilMs: number, beforeFire: (at: number) => Promise<void>, settle: () => Promise<void>): Promise<number> {
    let fired = 0;
    for (;;) {
      this.entries = this.entries.filter((e) => !e.cancelled);
      const next = this.entries.reduce<Entry | null>((a, e) => (a === null || e.due < a.due || (e.due === a.due && e.seq < a.seq) ? e : a), null);
      if (next === null || next.due > untilMs) break;
      this.nowMs = Math.max(this.nowMs, next.due);
      await beforeFire(this.nowMs);
      if (next.period === null) next.cancelled = true;
      else next.due += next.period;
      await next.work();
      await settle();
      fired++;
    }
    this.nowMs = untilMs;
    return fired;
  }
}
