import { describe, expect, it } from 'vitest';
import { IdleGate } from './idle-gate';

describe('IdleGate', () => {
  it('is idle only after 60 s with the session idle and nothing happening', () => {
    let t = 0;
    const gate = new IdleGate({ now: () => t });
    t = 59_999;
    expect(gate.isIdle()).toBe(false);
    t = 60_000;
    expect(gate.isIdle()).toBe(true);
    gate.activity();
    t += 59_000;
    expect(gate.isIdle()).toBe(false);
    t += 1_000;
    expect(gate.isIdle()).toBe(true);
  });

  it('a session (or a card being read) keeps it busy however long nothing else happens', () => {
    let t = 0;
    const gate = new IdleGate({ now: () => t });
    gate.sessionStage('reading');
    t = 10 * 60_000;
    expect(gate.isIdle()).toBe(false);
    gate.sessionStage('idle');
    t += 60_000;
    expect(gate.isIdle()).toBe(true);
  });
});
