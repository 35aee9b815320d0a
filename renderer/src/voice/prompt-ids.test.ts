import { describe, expect, it } from 'vitest';
import type { ScreenName } from '../flow/screen-of';
import { PROMPT_IDS, promptFor } from './prompt-ids';

const SCREENS: ScreenName[] = ['attract', 'identify', 'welcome', 'home', 'bundle', 'guide', 'form', 'precheck', 'confirm', 'payment', 'submitting', 'result', 'printing', 'certificate', 'rating', 'thanks'];
const none = { result: null, printJob: null };

describe('voice prompts', () => {
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

  it('payment and certificate choose their variant from the step', () => {
    expect(promptFor('payment', none, 'waiting')).toBe('payment');
    expect(promptFor('payment', none, 'paid')).toBe('payment-paid');
    for (const step of ['expired', 'cancelled', 'unavailable']) expect(promptFor('payment', none, step)).toBe('payment-problem');
    expect(promptFor('certificate', none, 'offer')).toBe('certificate');
    expect(promptFor('certificate', none, 'failed')).toBe('certificate-failed');
  });
});
