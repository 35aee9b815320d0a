import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../tests/support/fake-clock';
import type { ExitInfo } from './core-process';
import { Supervisor, type SupervisedRun, type SupervisorState } from './supervisor';

/** Runs that end when the test says so (a crash), started instantly. */
function harness(options: { outOfServiceRetryMs?: number | null; failStarts?: () => boolean } = {}) {
  const clock = new FakeClock(0);
  const runs: Array<{ crash(): void; stopped: boolean }> = [];
  const lines: string[] = [];
  const states: SupervisorState[] = [];
  const supervisor = new Supervisor({
    label: { zh: '核心进程', en: 'core' },
    maxCrashes: 3,
    windowMs: 60_000,
    initialDelayMs: 100,
    maxDelayMs: 1000,
    clock,
    log: (l) => lines.push(l),
    onState: (s) => states.push(s),
    ...(options.outOfServiceRetryMs !== undefined ? { outOfServiceRetryMs: options.outOfServiceRetryMs } : {}),
    start: async (): Promise<SupervisedRun> => {
      if (options.failStarts?.()) throw new Error('cannot open the store');
      let crash!: (e: ExitInfo) => void;
      const exited = new Promise<ExitInfo>((r) => (crash = r));
      const run = { crash: () => crash({ code: null, signal: 'SIGKILL' }), stopped: false };
      runs.push(run);
      return { exited, stop: async () => void ((run.stopped = true), crash({ code: 0, signal: null })) };
    },
  });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { clock, runs, lines, states, supervisor, settle };
}

describe('Supervisor', () => {
  it('restarts after a crash with a delay that doubles per crash in the window, and caps the loop out of service', async () => {
    const h = harness({ outOfServiceRetryMs: null });
    await h.supervisor.start();
    h.runs[0]!.crash();
    await h.settle();
    expect(h.supervisor.state).toBe('restarting');
    h.clock.advance(99);
    await h.settle();
    expect(h.runs).toHaveLength(1);
    h.clock.advance(1);
    await h.settle();
    expect(h.runs).toHaveLength(2);
    expect(h.supervisor.state).toBe('running');
    h.runs[1]!.crash();
    await h.settle();
    h.clock.advance(199);
    await h.settle();
    expect(h.runs).toHaveLength(2);
    h.clock.advance(1);
    await h.settle();
    expect(h.runs).toHaveLength(3);
    h.runs[2]!.crash();
    await h.settle();
    expect(h.supervisor.state).toBe('out-of-service');
    expect(h.supervisor.alerts()).toEqual([{ code: 'core-crash-loop', message: expect.stringContaining('crashed 3 times in 1 min') }]);
    h.clock.advance(3_600_000);
    await h.settle();
    expect(h.runs).toHaveLength(3);
    expect(h.lines.filter((l) => l.includes('out of service, staff alerted'))).toHaveLength(1);
    expect(h.lines.filter((l) => l.includes('exited unexpectedly'))).toHaveLength(2);
  });

  it('crashes older than the window do not add up', async () => {
    const h = harness();
    await h.supervisor.start();
    for (let i = 0; i < 5; i++) {
      h.runs.at(-1)!.crash();
      await h.settle();
      h.clock.advance(61_000);
      await h.settle();
    }
    expect(h.supervisor.state).toBe('running');
    expect(h.runs).toHaveLength(6);
  });

  it('out of service: one more try after the retry time; a crash during that try goes straight back; a try that lasts a window clears the alert', async () => {
    // The retry comes after the window, so the old crashes no longer count: only the probation sends it back.
    const h = harness({ outOfServiceRetryMs: 70_000 });
    await h.supervisor.start();
    for (let i = 0; i < 3; i++) {
      h.runs.at(-1)!.crash();
      await h.settle();
      h.clock.advance(1000);
      await h.settle();
    }
    expect(h.supervisor.state).toBe('out-of-service');
    h.clock.advance(70_000);
    await h.settle();
    expect(h.supervisor.state).toBe('running');
    expect(h.supervisor.alerts()).toHaveLength(1);
    h.runs.at(-1)!.crash();
    await h.settle();
    expect(h.supervisor.state).toBe('out-of-service');
    h.clock.advance(70_000);
    await h.settle();
    expect(h.supervisor.state).toBe('running');
    h.clock.advance(60_000);
    await h.settle();
    expect(h.supervisor.alerts()).toEqual([]);
  });

  it('a failed restart counts as a crash; the first start failing rejects and is not retried', async () => {
    let fail = false;
    const h = harness({ failStarts: () => fail, outOfServiceRetryMs: null });
    await h.supervisor.start();
    fail = true;
    h.runs[0]!.crash();
    await h.settle();
    h.clock.advance(100);
    await h.settle();
    h.clock.advance(200);
    await h.settle();
    expect(h.supervisor.state).toBe('out-of-service');
    expect(h.lines.some((l) => l.includes('start failed: cannot open the store'))).toBe(true);
    const first = harness({ failStarts: () => true });
    await expect(first.supervisor.start()).rejects.toThrow('cannot open the store');
    first.clock.advance(3_600_000);
    expect(first.supervisor.state).toBe('stopped');
  });

  it('restart() (nightly) stops the run in order and starts a new one without counting a crash; stop() is final', async () => {
    const h = harness();
    await h.supervisor.start();
    await h.supervisor.restart('nightly, idle');
    expect(h.runs[0]!.stopped).toBe(true);
    expect(h.runs).toHaveLength(2);
    expect(h.supervisor.state).toBe('running');
    expect(h.lines).toEqual(['核心进程：按计划重启（nightly, idle） / core: restarting on purpose (nightly, idle)']);
    await h.supervisor.stop();
    expect(h.runs[1]!.stopped).toBe(true);
    h.clock.advance(10_000);
    await h.settle();
    expect(h.runs).toHaveLength(2);
    expect(h.supervisor.state).toBe('stopped');
  });
});
