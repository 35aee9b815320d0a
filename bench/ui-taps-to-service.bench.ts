import type { Locator, Page } from 'playwright-core';
import type { ServiceDetail } from '../common/contract/schemas';
import { materialRoute } from '../common/domain/material-route';
import { BenchKiosk, machineNote, screen, waitForAttract } from './support/bench-kiosk';
import { figure, note } from './support/stats';

/**
 * Taps from the attract screen to a finished service (issue 19), in headless
 * Chromium against the real core and platform-sim, with the card on the
 * reader: the search box (the name typed), the entry, the guide's start,
 * each field the person fills (a native select counts two taps: open, pick;
 * a typed field one tap plus its characters, counted apart), the review,
 * what the result screens offer, a rating, up to the thanks screen. A
 * screen that moves on by itself (welcome, result, printed) is waited for,
 * not tapped; its continue button is counted apart as a shortcut.
 * Goal: ≤ 8 taps besides typed characters.
 */
const SERVICES = ['社保查询', '社会保险参保缴费证明打印', '城乡居民养老保险参保登记'];

class Walk {
  taps = 0;
  typed = 0;
  shortcuts = 0;
  readonly log: string[] = [];

  async tap(locator: Locator, what: string, count = 1): Promise<void> {
    this.taps += count;
    this.log.push(what);
    await locator.click();
  }
}

/** A value a person would type into a field of this kind. */
function typedValue(field: ServiceDetail['form'][number]): string {
  if (field.kind === 'phone') return '13800138000';
  if (field.kind === 'number') return '6222020200112233445';
  if (field.kind === 'date') return '2026-01-15';
  return '张村';
}

const current = (page: Page) => page.locator('[data-screen]').first().getAttribute('data-screen');

/** Waits until the page leaves `name` (by itself or after a tap). */
async function leaves(page: Page, name: string, timeout = 40_000): Promise<void> {
  await page.locator(`[data-screen="${name}"]`).waitFor({ state: 'detached', timeout });
}

async function walk(kiosk: BenchKiosk, page: Page, item: ServiceDetail): Promise<Walk> {
  const w = new Walk();
  await screen(page, 'attract');
  await kiosk.sim('/sim/idcard/insert', { card: 'resident' });
  await screen(page, 'welcome');
  w.shortcuts++;
  await leaves(page, 'welcome');
  await screen(page, 'home');
  await w.tap(page.getByTestId('search-input'), 'search-input');
  w.typed += Array.from(item.name).length;
  await page.getByTestId('search-input').fill(item.name);
  await w.tap(page.locator(`[data-testid="service-item"][data-code="${item.code}"]`).first(), 'service-item');
  await screen(page, 'guide');
  await page.getByTestId('start-application').waitFor({ state: 'visible' });
  await w.tap(page.getByTestId('start-application'), 'start-application');
  for (let step = 0; step < 30; step++) {
    await page.waitForTimeout(200);
    const name = await current(page);
    if (name === 'thanks') return w;
    if (name === 'form') {
      for (const field of item.form) {
        if (field.prefill) continue;
        const input = page.getByTestId(`form-field-${field.id}`);
        if (field.kind === 'select') {
          w.taps += 2;
          w.log.push(`${field.label} (open, pick)`);
          await input.selectOption(field.options?.[0] ?? '');
        } else if (field.required) {
          await w.tap(input, field.label);
          w.typed += typedValue(field).length;
          await input.fill(typedValue(field));
        }
      }
      for (const m of item.materials) {
        if (m.required && materialRoute(m) === 'checklist') await w.tap(page.getByTestId(`material-${m.id}`), m.name);
      }
      await w.tap(page.getByTestId('precheck-button'), 'precheck-button');
      await leaves(page, 'form');
    } else if (name === 'confirm') {
      await w.tap(page.getByTestId('confirm-submit'), 'confirm-submit');
      await leaves(page, 'confirm');
    } else if (name === 'result' || name === 'printing') {
      if (name === 'result') await kiosk.sim('/sim/idcard/remove');
      w.shortcuts++;
      await leaves(page, name);
    } else if (name === 'certificate') {
      const state = await page.getByTestId('certificate-state').getAttribute('data-state');
      if (state === 'offer') await w.tap(page.getByTestId('certificate-print'), 'certificate-print');
      else if (state === 'failed') {
        // No A4 printer here (no CUPS): going on without it is one tap, as "continue" after a printed one would be.
        note(`${item.name}: the A4 certificate was not printed (${await page.getByTestId('certificate-reason').getAttribute('data-reason')}); skipped`);
        await w.tap(page.getByTestId('certificate-skip'), 'certificate-skip');
        await leaves(page, 'certificate');
      } else {
        w.shortcuts++;
        await leaves(page, 'certificate');
      }
    } else if (name === 'query') {
      await page.getByTestId('query-done').waitFor({ timeout: 30_000 });
      await w.tap(page.getByTestId('query-print'), 'query-print');
      await page.locator('[data-testid="print-state"][data-state="done"]').waitFor({ timeout: 30_000 });
      await kiosk.sim('/sim/idcard/remove');
      await w.tap(page.getByTestId('query-done'), 'query-done');
      await leaves(page, 'query');
    } else if (name === 'rating') {
      await w.tap(page.getByTestId('rating-very-satisfied'), 'rating-very-satisfied');
      if (await page.getByTestId('rating-submit').isVisible()) await w.tap(page.getByTestId('rating-submit'), 'rating-submit');
      await leaves(page, 'rating');
    } else if (name !== 'submitting' && name !== 'precheck') {
      throw new Error(`the walk of ${item.name} stopped on ${name} after ${w.log.join(' → ')}`);
    }
  }
  throw new Error(`the walk of ${item.name} did not reach thanks: ${w.log.join(' → ')}`);
}

const kiosk = await new BenchKiosk().start();
try {
  const { page } = await kiosk.openPage();
  note(machineNote());
  for (const name of SERVICES) {
    const item = kiosk.core.store.catalogue.all().find((i) => i.name === name);
    if (!item) throw new Error(`no ${name} in the catalogue`);
    const w = await walk(kiosk, page, item);
    figure(`ui-taps-${item.code}`, w.taps, 'taps', '<= 8');
    note(`${name}: ${w.taps} taps, ${w.typed} typed characters apart, ${w.shortcuts} screens that moved on by themselves (a continue tap each if not waited for): ${w.log.join(' → ')}`);
    await page.getByTestId('thanks-done').click();
    await waitForAttract(page);
  }
} finally {
  await kiosk.stop();
}
