import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { TestKioskApi } from '../testing/test-kiosk-api';
import { screen, stopFlow, toConfirm, until } from '../testing/flow-driver';

afterEach(stopFlow);

describe('kiosk flow machine: printing (receipt and A4 certificate)', () => {
  it('certificate item: after the receipt, the A4 certificate is offered and printed with progress, then rating', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await toConfirm(api, 'GG00601001');
    a.send({ type: 'SUBMIT' });
    await until(a, 'result');
    a.send({ type: 'CONTINUE' });
    await waitFor(a, (s) => s.matches({ session: { printing: 'done' } }));
    expect(a.getSnapshot().context.printJob?.kind).toBe('receipt');
    a.send({ type: 'CONTINUE' });
    expect(a.getSnapshot().matches({ session: { certificate: 'offer' } })).toBe(true);
    expect(screen(a)).toBe('certificate');
    a.send({ type: 'PRINT_CERTIFICATE' });
    await waitFor(a, (s) => s.matches({ session: { certificate: 'done' } }));
    expect(a.getSnapshot().context.certificateJob?.kind).toBe('certificate');
    expect(a.getSnapshot().context.printJob?.state).toBe('done');
    a.send({ type: 'CONTINUE' });
    expect(screen(a)).toBe('rating');
  });

  it('certificate: skipping the receipt still offers it; skip goes to rating; other items skip it', async () => {
    const api = new TestKioskApi();
    const { a } = await toConfirm(api, 'GG00601001');
    api.printer.printReceipt = () => Promise.reject(Object.assign(new Error('x'), { code: 'paper-out' }));
    a.send({ type: 'SUBMIT' });
    await until(a, 'result');
    a.send({ type: 'CONTINUE' });
    await waitFor(a, (s) => s.matches({ session: { printing: 'failed' } }));
    a.send({ type: 'SKIP_PRINT' });
    expect(screen(a)).toBe('certificate');
    a.send({ type: 'SKIP_CERTIFICATE' });
    expect(screen(a)).toBe('rating');
    expect(api.calls).not.toContain('printer.printCertificate');
  });

  it.each([
    ['platform-unreachable', 'online', 'not-accepted'],
    ['platform-unreachable', 'offline', 'network-offline'],
    ['device-offline', 'online', 'printer-offline'],
    ['invalid-payload', 'online', 'not-certificate'],
  ] as const)('certificate start rejected with %s (%s) is explained as %s; retry is offered', async (code, conn, failure) => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await toConfirm(api, 'GG00601001');
    a.send({ type: 'SUBMIT' });
    await until(a, 'result');
    a.send({ type: 'CONTINUE' });
    a.send({ type: 'SKIP_PRINT' });
    api.setConnectivity(conn);
    api.printer.printCertificate = () => Promise.reject(Object.assign(new Error('x'), { code }));
    a.send({ type: 'PRINT_CERTIFICATE' });
    await waitFor(a, (s) => s.matches({ session: { certificate: 'failed' } }));
    expect(a.getSnapshot().context.certificateFailure).toBe(failure);
    a.send({ type: 'RETRY' });
    await waitFor(a, (s) => s.matches({ session: { certificate: 'failed' } }));
    a.send({ type: 'SKIP_CERTIFICATE' });
    expect(screen(a)).toBe('rating');
  });

  it('certificate job fails (paper out on the A4 printer); retry prints it; receipt jobs are not mixed in', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await toConfirm(api, 'GG00601001');
    a.send({ type: 'SUBMIT' });
    await until(a, 'result');
    a.send({ type: 'CONTINUE' });
    a.send({ type: 'SKIP_PRINT' });
    api.setDevice('a4-1', { paper: 'out' });
    a.send({ type: 'PRINT_CERTIFICATE' });
    await waitFor(a, (s) => s.matches({ session: { certificate: 'failed' } }));
    expect(a.getSnapshot().context.certificateFailure).toBe('paper-out');
    a.send({ type: 'PRINT_JOB_CHANGED', job: { jobId: 'job-x', kind: 'receipt', transactionId: a.getSnapshot().context.result?.id ?? null, state: 'done', reason: null, progress: 1 } });
    expect(a.getSnapshot().context.certificateJob?.kind).toBe('certificate');
    api.setDevice('a4-1', { paper: 'ok' });
    a.send({ type: 'RETRY' });
    await waitFor(a, (s) => s.matches({ session: { certificate: 'done' } }));
  });
  it('print failure (paper out) offers reprint and skip; reprint succeeds', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await toConfirm(api);
    api.failNextPrint('paper-out');
    a.send({ type: 'SUBMIT' });
    await until(a, 'result');
    a.send({ type: 'CONTINUE' });
    await waitFor(a, (s) => s.matches({ session: { printing: 'failed' } }));
    expect(a.getSnapshot().context.printJob?.reason).toBe('paper-out');
    a.send({ type: 'REPRINT' });
    await waitFor(a, (s) => s.matches({ session: { printing: 'done' } }));
    expect(api.calls).toContain('printer.reprint');
  });

  it('print start rejection becomes a failed job; skip goes to rating', async () => {
    const api = new TestKioskApi();
    const { a } = await toConfirm(api);
    api.printer.printReceipt = () => Promise.reject(Object.assign(new Error('x'), { code: 'device-offline' }));
    a.send({ type: 'SUBMIT' });
    await until(a, 'result');
    a.send({ type: 'CONTINUE' });
    await waitFor(a, (s) => s.matches({ session: { printing: 'failed' } }));
    expect(a.getSnapshot().context.printJob?.reason).toBe('offline');
    a.send({ type: 'SKIP_PRINT' });
    expect(screen(a)).toBe('rating');
  });
});
