import { describe, expect, it } from 'vitest';
import type { ScreenName } from '../flow/screen-of';
import { REFERENCE } from '../i18n/locales';
import { PROMPT_IDS, promptFor } from './prompt-ids';

const SCREENS: ScreenName[] = ['attract', 'identify', 'welcome', 'home', 'bundle', 'guide', 'form', 'precheck', 'confirm', 'payment', 'submitting', 'result', 'printing', 'certificate', 'rating', 'thanks'];
const none = { result: null, printJob: null };

describe('voice prompts', () => {
  // Moved here from i18n-completeness.test.ts: i18n/ is below voice/ in the folder order, so the locale test may not import the prompt ids.
  it('every voice prompt id has zh-CN text and nothing else is under prompts', () => {
    const prompts = REFERENCE.prompts as Record<string, unknown>;
    expect(Object.values(prompts).every((text) => typeof text === 'string')).toBe(true);
    expect(Object.keys(prompts).sort()).toEqual([...PROMPT_IDS].sort());
  });

  it('every screen has a prompt id that exists; boot has none', () => {
    for (const s of SCREENS) expect(PROMPT_IDS).toContain(promptFor(s, none));
    expect(promptFor('boot', none)).toBeNull();
  });

  it('result and printing choose their variant from the state', () => {
    const queued = { id: 'x', receiptNumber: 'r', status: 'queued' as const, createdAt: '' };
    expect(promptFor('result', { result: queued, printJob: null })).toBe('result-queued');
    expect(promptFor('result', { result: { ...queued, status: 'delivered' }, printJob: null })).toBe('result-delivered');
    const failed = { jobId: 'j', kind: 'receipt' as const, transactionId: null, state: 'failed' as const, reason: 'paper-out', progress: 0 };
    expect(promptFor('printing', { result: null, printJob: failed })).toBe('printing-failed');
    expect(promptFor('printing', { result: null, printJob: { ...failed, state: 'printing' } })).toBe('printing');
  });

  it('attract asks to take a left card away, or to touch the screen when one was there at start', () => {
    expect(promptFor('attract', { ...none, leftCard: 'after-session' })).toBe('attract-take-card');
    expect(promptFor('attract', { ...none, leftCard: 'at-start' })).toBe('attract-touch-to-start');
    expect(promptFor('attract', { ...none, leftCard: null })).toBe('attract');
  });

  it('payment and certificate choose their variant from the step', () => {
    expect(promptFor('payment', none, 'waiting')).toBe('payment');
    expect(promptFor('payment', none, 'paid')).toBe('payment-paid');
    for (const step of ['expired', 'cancelled', 'unavailable']) expect(promptFor('payment', none, step)).toBe('payment-problem');
    expect(promptFor('certificate', none, 'offer')).toBe('certificate');
    expect(promptFor('certificate', none, 'failed')).toBe('certificate-failed');
  });
});
