import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { ServiceDetail } from '../../../common/contract/schemas';
import type { KioskHarness } from './kiosk-harness';

/** A value that passes the pre-check for a field of this kind. */
function validValue(field: ServiceDetail['form'][number]): string {
  switch (field.kind) {
    case 'phone':
      return '13800138000';
    case 'number':
      return '1';
    case 'date':
      return '2026-01-15';
    default:
      return '测试'.slice(0, field.maxLength);
  }
}

/** Picks a free, queueable item that prints a receipt, with a short form: the slice's service. */
export function pickSliceService(h: KioskHarness): ServiceDetail {
  const item = h.core.store.catalogue
    .all()
    .filter((i) => i.queueable && i.feeFen === 0 && i.output === 'receipt' && i.form.length > 0 && i.form.length <= 5)
    .sort((a, b) => a.name.length - b.name.length)[0];
  if (!item) throw new Error('the catalogue has no queueable receipt item with a short form');
  return item;
}

/** Fills every field the person fills (not the identity-prefilled ones) and ticks the required paper materials. */
export async function fillForm(page: Page, item: ServiceDetail): Promise<void> {
  for (const field of item.form) {
    if (field.prefill) continue;
    const input = page.getByTestId(`form-field-${field.id}`);
    if (field.kind === 'select') await input.selectOption(field.options?.[0] ?? '');
    else await input.fill(validValue(field));
  }
  for (const m of item.materials) {
    if (m.required && !m.electronic) await page.getByTestId(`material-${m.id}`).check();
  }
}

/** Waits for a screen by its `data-screen` name. */
export async function screen(page: Page, name: string, timeout = 15_000): Promise<void> {
  await page.locator(`[data-screen="${name}"]`).waitFor({ state: 'visible', timeout });
}

/**
 * From the attract screen to a filled form of `item`: card (the welcome
 * screen shows the name masked) → home → search → guide → form, valid values
 * in every field.
 */
export async function walkToForm(page: Page, h: KioskHarness, item: ServiceDetail, card = 'resident'): Promise<void> {
  await screen(page, 'attract');
  await h.sim('/sim/idcard/insert', { card });
  await screen(page, 'welcome');
  const masked = (await page.getByTestId('masked-name').innerText()).trim();
  expect(masked).toContain('*');
  await page.getByTestId('welcome-continue').click();
  await screen(page, 'home');
  await page.getByTestId('search-input').fill(item.name);
  const entry = page.locator(`[data-testid="service-item"][data-code="${item.code}"]`).first();
  await entry.waitFor({ state: 'visible', timeout: 10_000 });
  await entry.click();
  await screen(page, 'guide');
  await page.getByTestId('start-application').click();
  await screen(page, 'form');
  await fillForm(page, item);
}

/**
 * Walks one person through the slice on the page: card → welcome → search →
 * guide → form → confirm → submit → result. Returns what the result screen said.
 */
export async function walkToResult(page: Page, h: KioskHarness, item: ServiceDetail, card = 'resident'): Promise<{ status: string; receiptNumber: string }> {
  await walkToForm(page, h, item, card);
  await page.getByTestId('precheck-button').click();
  await screen(page, 'confirm');
  await page.getByTestId('confirm-submit').click();
  await screen(page, 'result', 30_000);
  const status = (await page.getByTestId('result-status').getAttribute('data-status')) ?? '';
  const receiptNumber = (await page.getByTestId('receipt-number').innerText()).trim();
  return { status, receiptNumber };
}

/** From the result screen to the rating screen: the card taken back, the receipt printed. */
export async function walkToRating(page: Page, h: KioskHarness): Promise<void> {
  await h.sim('/sim/idcard/remove');
  await page.getByTestId('result-continue').click();
  await screen(page, 'printing');
  await page.locator('[data-testid="print-state"][data-state="done"]').waitFor({ timeout: 30_000 });
  await page.getByTestId('print-continue').click();
  await screen(page, 'rating');
}

/** From the result screen: receipt printed, five-level rating, thanks, back to attract. */
export async function finishWalk(page: Page, h: KioskHarness): Promise<void> {
  await walkToRating(page, h);
  await page.getByTestId('rating-very-satisfied').click();
  await page.getByTestId('rating-submit').click();
  await screen(page, 'thanks');
  await page.getByTestId('thanks-done').click();
  await screen(page, 'attract');
}

/** Polls `check` until it returns true or `timeoutMs` passes; returns the last result. */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
