import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { BundlePrecheckResultSchema, BundleSubmitResult, CatalogueOverviewSchema, PaymentOrder, PaymentStatus, PrintJob, ServiceDetail } from '../../common/contract/schemas';
import { mergeBundleForm, type CombinedForm } from '../../common/domain/bundle-form';
import { startCoreHarness, type CoreHarness } from './support/core-harness';
import { RESIDENT } from './support/fixtures';
import { identifyWithCard, printedReceiptWith, printedText, waitForJob } from './support/walk';
import { waitUntil } from './support/wait-until';

type Overview = z.infer<typeof CatalogueOverviewSchema>;
type BundlePrecheck = z.infer<typeof BundlePrecheckResultSchema>;

/** The combined form filled as a person would: every typed field, every material ticked. */
function filled(combined: CombinedForm): { form: Record<string, string>; materials: Array<{ id: string; provided: boolean }> } {
  const form: Record<string, string> = {};
  for (const f of combined.form) {
    if (f.prefill) continue;
    form[f.id] = f.kind === 'phone' ? '13800138000' : f.kind === 'date' ? '2026-01-15' : f.kind === 'number' ? '6222020200112233' : f.kind === 'select' ? (f.options?.[0] ?? '') : '测试内容';
  }
  return { form, materials: combined.materials.map((m) => ({ id: m.id, provided: true })) };
}

async function lifeEvent(h: CoreHarness, id: string): Promise<{ codes: string[]; items: ServiceDetail[]; combined: CombinedForm }> {
  const overview = await h.ok<Overview>('catalogue:overview');
  const event = overview.lifeEvents.find((e) => e.id === id);
  if (!event) throw new Error(`no life event ${id}`);
  const items = await Promise.all(event.itemCodes.map((code) => h.ok<ServiceDetail>('catalogue:get', { code })));
  return { codes: event.itemCodes, items, combined: mergeBundleForm(items) };
}

describe('life-event bundle (一件事一次办) with the platform up', () => {
  let h: CoreHarness;
  let newborn: Awaited<ReturnType<typeof lifeEvent>>;
  let result: BundleSubmitResult;
  beforeAll(async () => {
    h = await startCoreHarness();
    await identifyWithCard(h);
    newborn = await lifeEvent(h, 'newborn');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('precheckBundle tells every problem of the empty combined form once, naming the item when it is specific to it', async () => {
    const check = await h.ok<BundlePrecheck>('transactions:precheckBundle', { bundleId: 'newborn', itemCodes: newborn.codes, form: {} });
    expect(check.ok).toBe(false);
    // Identity fields are filled by core: never reported.
    expect(check.problems.some((p) => p.id === 'name' || p.id === 'idNumber')).toBe(false);
    // 手机号码 is asked by all five items: told once, no item named.
    expect(check.problems.filter((p) => p.id === 'phone')).toEqual([{ target: 'field', id: 'phone', problem: 'missing', itemCode: null }]);
    // 户口簿 is a material of 新生儿落户 only.
    const hukou = newborn.combined.materials.find((m) => m.name === '户口簿')!;
    expect(check.problems).toContainEqual({ target: 'material', id: hukou.id, problem: 'missing', itemCode: newborn.items.find((i) => i.name === '新生儿落户')!.code });
    // No combined id is reported twice for the same problem and item.
    const keys = check.problems.map((p) => `${p.target}:${p.id}:${p.problem}:${p.itemCode}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('precheckBundle is ok for the filled combined form', async () => {
    const check = await h.ok<BundlePrecheck>('transactions:precheckBundle', { bundleId: 'newborn', itemCodes: newborn.codes, ...filled(newborn.combined) });
    expect(check).toEqual({ ok: true, problems: [] });
  });

  it('refuses an item that is not part of the life event, and an unknown life event', async () => {
    expect(await h.fails('transactions:submitBundle', { bundleId: 'newborn', itemCodes: [...newborn.codes, 'GG00001001'], ...filled(newborn.combined) })).toBe('not-found');
    expect(await h.fails('transactions:precheckBundle', { bundleId: 'no-such-event', itemCodes: newborn.codes, form: {} })).toBe('not-found');
  });

  it('submitBundle writes every item and reports each delivered with its own receipt number; the platform holds each exactly once', async () => {
    const before = h.core.store.queueStatus();
    result = await h.ok<BundleSubmitResult>('transactions:submitBundle', { bundleId: 'newborn', itemCodes: newborn.codes, ...filled(newborn.combined) });
    expect(result.bundleId).toBe('newborn');
    expect(result.items.map((i) => i.serviceCode)).toEqual(newborn.codes);
    expect(result.items.map((i) => i.serviceName)).toEqual(newborn.items.map((i) => i.name));
    expect(result.items.every((i) => i.status === 'delivered')).toBe(true);
    expect(new Set(result.items.map((i) => i.receiptNumber)).size).toBe(newborn.codes.length);
    expect(new Set(result.items.map((i) => i.id)).size).toBe(newborn.codes.length);
    expect(h.core.store.queueStatus().accepted).toBeGreaterThanOrEqual(before.accepted + newborn.codes.length);
    const records = await h.platformTransactions();
    for (const item of result.items) {
      const held = records.filter((r) => r.id === item.id);
      expect(held).toHaveLength(1);
      expect(held[0]!.service).toBe(item.serviceCode);
    }
  });

  it('a submit with a problem writes nothing and lists the problems', async () => {
    const pending = h.core.store.queueStatus();
    const r = await h.call('transactions:submitBundle', { bundleId: 'newborn', itemCodes: newborn.codes, form: {} });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid-payload');
    expect((r.error.detail as { problems: unknown[] }).problems.length).toBeGreaterThan(3);
    expect(h.core.store.queueStatus()).toEqual(pending);
  });

  it('one receipt lists every item with its receipt number', async () => {
    const job = await h.ok<PrintJob>('printer:printReceipt', { transactionId: result.items[0]!.id });
    await waitForJob(h, job.jobId, 'done');
    const receipt = printedReceiptWith(h, result.items[0]!.receiptNumber);
    expect(receipt).toBeDefined();
    const text = printedText(receipt!);
    expect(text).toContain('新生儿出生一件事');
    for (const item of result.items) {
      expect(text).toContain(item.receiptNumber);
      expect(text).toContain(item.serviceName);
    }
    expect(text).toContain(`ZWFW-BUNDLE:${result.bundleRef}:`);
    expect(text).not.toContain(RESIDENT.name);
    expect(text).not.toContain(RESIDENT.idNumber);
  });
});

describe('life-event bundle with a fee item (城乡居民参保一件事)', () => {
  let h: CoreHarness;
  beforeAll(async () => {
    h = await startCoreHarness();
    await identifyWithCard(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the fee item is submitted with the others, then paid through the platform by its own transaction; the free items have nothing to pay', async () => {
    const insurance = await lifeEvent(h, 'resident-insurance');
    const feeItems = insurance.items.filter((i) => i.feeFen > 0);
    expect(feeItems.map((i) => i.name)).toEqual(['城乡居民养老保险费缴纳']);
    const result = await h.ok<BundleSubmitResult>('transactions:submitBundle', { bundleId: 'resident-insurance', itemCodes: insurance.codes, ...filled(insurance.combined) });
    expect(result.items.map((i) => i.serviceCode)).toEqual(insurance.codes);
    expect(result.items.every((i) => i.status === 'delivered')).toBe(true);

    const due = result.items.find((i) => i.serviceCode === feeItems[0]!.code)!;
    const order = await h.ok<PaymentOrder>('payment:create', { transactionId: due.id });
    expect(order.amountFen).toBe(feeItems[0]!.feeFen);
    await fetch(`${h.platformUrl}/admin/payments/${encodeURIComponent(order.paymentId)}/pay`, { method: 'POST' });
    expect((await h.ok<PaymentStatus>('payment:status', { paymentId: order.paymentId })).status).toBe('paid');
    for (const free of result.items.filter((i) => i.id !== due.id)) expect(await h.fails('payment:create', { transactionId: free.id })).toBe('invalid-payload');
  });
});

describe('life-event bundle with the platform down, then back', () => {
  let h: CoreHarness;
  let retirement: Awaited<ReturnType<typeof lifeEvent>>;
  let result: BundleSubmitResult;
  beforeAll(async () => {
    h = await startCoreHarness();
    await identifyWithCard(h);
    retirement = await lifeEvent(h, 'retirement');
    await h.stopPlatform();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses the bundle with a clear platform-unreachable naming the item that needs the platform, and writes nothing', async () => {
    const online = retirement.items.filter((i) => !i.queueable).map((i) => i.code);
    expect(online.length).toBeGreaterThan(0);
    const before = h.core.store.queueStatus();
    const r = await h.call('transactions:submitBundle', { bundleId: 'retirement', itemCodes: retirement.codes, ...filled(retirement.combined) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('platform-unreachable');
    expect(r.error.detail).toEqual({ itemCodes: online });
    expect(h.core.store.queueStatus()).toEqual(before);
  });

  it('the queueable items are queued together, then each delivered exactly once when the platform returns', async () => {
    const queueable = retirement.items.filter((i) => i.queueable);
    const combined = mergeBundleForm(queueable);
    result = await h.ok<BundleSubmitResult>('transactions:submitBundle', { bundleId: 'retirement', itemCodes: queueable.map((i) => i.code), ...filled(combined) });
    expect(result.items).toHaveLength(queueable.length);
    expect(result.items.every((i) => i.status === 'queued')).toBe(true);
    for (const item of result.items) expect(['pending', 'in-flight']).toContain(h.core.store.transactionStatus(item.id));

    await h.restartPlatform();
    await waitUntil(() => result.items.every((i) => h.core.store.transactionStatus(i.id) === 'accepted'), 'every bundle item accepted', 20_000);
    const records = await h.platformTransactions();
    for (const item of result.items) expect(records.filter((r) => r.id === item.id)).toHaveLength(1);
  });
});
