import { SYSTEM_CLOCK, type Clock } from './clock';
import type { ExitInfo } from './core-process';
import { CrashLoop, type CrashLoopOptions } from './crash-loop';

/** One running instance of a supervised process. */
export interface SupervisedRun {
  /** OS process id, when known (logs and tests). */
  readonly pid?: number | undefined;
  /** Settles when the process has ended, for whatever reason. */
  readonly exited: Promise<ExitInfo>;
  /** Ends it in order; resolves when it has exited. */
  stop(): Promise<void>;
}

/** Where a supervised process is. `out-of-service`: it crashed too often and is left down (staff alerted). */
export type SupervisorState = 'starting' | 'running' | 'restarting' | 'out-of-service' | 'stopped';

/** Options of {@link Supervisor}. */
export interface SupervisorOptions extends CrashLoopOptions {
  /** Name in log lines, Chinese and English, e.g. `{ zh: '核心进程', en: 'core' }`. */
  label: { zh: string; en: string };
  /** Starts one instance; resolves once it is ready, rejects when it could not start. */
  start(): Promise<SupervisedRun>;
  /** Receives one line per event (crash, restart, out of service, retry). */
  log(line: string): void;
  /** Default the system clock. */
  clock?: Clock;
  /**
   * How long to stay out of service before one more try, in ms; null: stay
   * down until restarted by hand. A try that crashes again inside the crash
   * window goes straight back out of service. Default 10 minutes.
   */
  outOfServiceRetryMs?: number | null;
  /** Called on every state change, with the run when it is `running`. */
  onState?(state: SupervisorState, run: SupervisedRun | null): void;
}

/**
 * Keeps one process running without a technician: restarts it after an
 * unexpected exit with a delay that doubles per crash (the {@link CrashLoop}
 * rule), and once `maxCrashes` fall inside `windowMs` leaves it down, out of
 * service, with an alert ({@link Supervisor.alerts}) for the next heartbeat;
 * after `outOfServiceRetryMs` it tries once more. Each event is one log
 * line in Chinese and English. A failed restart counts as a crash; the very
 * first start is not retried (its failure is a start-up failure and
 * {@link Supervisor.start} rejects with it).
 */
export class Supervisor {
  private readonly loop: CrashLoop;
  private readonly clock: Clock;
  private current: SupervisedRun | null = null;
  private timer: unknown = null;
  private probationTimer: unknown = null;
  private probation = false;
  private crashedAt: number | null = null;
  private alert: { code: string; message: string } | null = null;
  private status: SupervisorState = 'stopped';
  private stopping = false;

  constructor(private readonly options: SupervisorOptions) {
    this.loop = new CrashLoop(options);
    this.clock = options.clock ?? SYSTEM_CLOCK;
  }

  /** Where the process is now. */
  get state(): SupervisorState {
    return this.status;
  }

  /** The running instance, or null. */
  get run(): SupervisedRun | null {
    return this.current;
  }

  /** Alerts to report on the next heartbeat: the crash loop, while out of service and until a retry has stayed up a whole window. */
  alerts(): Array<{ code: string; message: string }> {
    return this.alert ? [this.alert] : [];
  }

  /** First start; rejects (and stays stopped) when it fails. */
  async start(): Promise<void> {
    this.stopping = false;
    this.setState('starting');
    try {
      await this.launch();
    } catch (e) {
      this.setState('stopped');
      throw e;
    }
  }

  /**
   * Restarts on purpose (nightly restart, a technician): stops the running
   * instance and starts a new one; not counted as a crash. Leaves an
   * out-of-service state too (the crash count is cleared).
   */
  async restart(why: string): Promise<void> {
    const { zh, en } = this.options.label;
    this.options.log(`${zh}：按计划重启（${why}） / ${en}: restarting on purpose (${why})`);
    this.cancelTimers();
    this.loop.reset();
    this.alert = null;
    const run = this.current;
    this.current = null;
    this.setState('restarting');
    await run?.stop();
    await this.launch().catch((e: unknown) => this.crashed(`start failed: ${describe(e)}`));
  }

  /** Stops the process for good (the shell is quitting). Idempotent. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.cancelTimers();
    const run = this.current;
    this.current = null;
    this.setState('stopped');
    await run?.stop();
  }

  private async launch(): Promise<void> {
    const run = await this.options.start();
    if (this.stopping) {
      await run.stop();
      return;
    }
    this.current = run;
    if (this.crashedAt !== null) {
      const { zh, en } = this.options.label;
      const s = ((this.clock.now() - this.crashedAt) / 1000).toFixed(1);
      this.options.log(`${zh}：已重启，恢复服务（崩溃后 ${s} 秒） / ${en}: restarted, back in service (${s} s after the crash)`);
      this.crashedAt = null;
    }
    this.setState('running');
    if (this.probation) {
      this.probationTimer = this.clock.setTimeout(() => {
        this.probation = false;
        this.alert = null;
      }, this.loop.windowMs);
    }
    void run.exited.then((exit) => {
      if (this.current !== run || this.stopping) return;
      this.current = null;
      this.crashed(exit.signal ? `signal ${exit.signal}` : `exit ${exit.code}`);
    });
  }

  private crashed(how: string): void {
    if (this.stopping) return;
    const { zh, en } = this.options.label;
    const now = this.clock.now();
    this.crashedAt ??= now;
    if (this.probationTimer !== null) this.clock.clearTimeout(this.probationTimer);
    this.probationTimer = null;
    const decision = this.loop.crashed(now);
    const minutes = Math.round(this.loop.windowMs / 60_000);
    if ('outOfService' in decision || this.probation) {
      this.alert = {
        code: `${en.replace(/\s+/g, '-')}-crash-loop`,
        message: `${zh}在 ${minutes} 分钟内崩溃 ${decision.count} 次，暂停服务 / ${en} crashed ${decision.count} times in ${minutes} min: out of service`,
      };
      const retry = this.options.outOfServiceRetryMs === undefined ? 10 * 60_000 : this.options.outOfServiceRetryMs;
      const next = retry === null ? '等待工作人员处理 / waiting for staff' : `${Math.round(retry / 1000)} 秒后再试一次 / one more try in ${Math.round(retry / 1000)} s`;
      this.options.log(`${zh}：${minutes} 分钟内崩溃 ${decision.count} 次（最后一次 ${how}），暂停服务，已通知工作人员；${next.split(' / ')[0]} / ${en}: crashed ${decision.count} times in ${minutes} min (last: ${how}); out of service, staff alerted; ${next.split(' / ')[1]}`);
      this.setState('out-of-service');
      if (retry !== null) {
        this.timer = this.clock.setTimeout(() => {
          this.timer = null;
          this.probation = true;
          this.setState('restarting');
          this.launch().catch((e: unknown) => this.crashed(`start failed: ${describe(e)}`));
        }, retry);
      }
      return;
    }
    const delay = decision.restartInMs;
    this.options.log(`${zh}：意外退出（${how}），${(delay / 1000).toFixed(2)} 秒后重启（${minutes} 分钟内第 ${decision.count} 次） / ${en} exited unexpectedly (${how}); restarting in ${(delay / 1000).toFixed(2)} s (crash ${decision.count} in ${minutes} min)`);
    this.setState('restarting');
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.launch().catch((e: unknown) => this.crashed(`start failed: ${describe(e)}`));
    }, delay);
  }

  private cancelTimers(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    if (this.probationTimer !== null) this.clock.clearTimeout(this.probationTimer);
    this.timer = null;
    this.probationTimer = null;
  }

  private setState(state: SupervisorState): void {
    this.status = state;
    this.options.onState?.(state, state === 'running' ? this.current : null);
  }
}

function describe(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);
}
