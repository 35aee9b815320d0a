import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ServiceDetail } from '../../../common/contract/schemas';
import { windowMaterials } from '../../../common/domain/material-route';
import { expect, test, type KioskHarness } from '../fixtures/test';
import { fillForm, screen, walkToForm, walkToRating } from '../fixtures/walk';

/**
 * A material the platform takes captured ("本机可以现场拍照") on a terminal
 * that cannot capture yet: never a tick box that lets the application through
 * as if it were provided. The guide and the form say to hand it in at the
 * window, the review says 到窗口交, the application records it as such, and
 * the receipt names it.
 */
test.describe('materials handed in at the window', () => {
  function pickItem(h: KioskHarness): { item: ServiceDetail; material: ServiceDetail['materials'][number] } {
    const item = h.core.store.catalogue
      .all()
      .filter((i) => i.queueable && i.feeFen === 0 && i.output === 'receipt' && windowMaterials(i.materials).some((m) => m.required))
      .sort((a, b) => a.form.length - b.form.length || a.name.length - b.name.length)[0];
    if (!item) throw new Error('the catalogue has no queueable receipt item with a required material captured at a terminal');
    return { item, material: windowMaterials(item.materials).find((m) => m.required)! };
  }

  test('guide and form name it for the window without a tick box; the review, the platform record and the receipt say the same', async ({ kiosk: h, axe }) => {
    const page = h.page;
    const { item, material } = pickItem(h);
    await walkToForm(page, h, item);
    await expect(page.getByTestId(`material-${material.id}`)).toHaveCount(0);
    await expect(page.getByTestId(`material-window-${material.id}`)).toContainText('窗口');
    expect(await axe(page)).toEqual([]);

    await page.getByTestId('back-button').click();
    await screen(page, 'guide');
    await expect(page.getByTestId(`guide-at-window-${material.id}`)).toContainText('窗口');
    await page.getByTestId('start-application').click();
    await screen(page, 'form');
    // Starting again starts a fresh form.
    await fillForm(page, item);

    await page.getByTestId('precheck-button').click();
    await screen(page, 'confirm');
    await expect(page.getByTestId(`confirm-material-${material.id}`)).toHaveText('到窗口交');
    await page.getByTestId('confirm-submit').click();
    await screen(page, 'result', 30_000);
    const receiptNumber = (await page.getByTestId('receipt-number').innerText()).trim();

    const db = new Database(join(h.dir, 'platform', 'platform.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const payload = (db.prepare("SELECT payload FROM records WHERE kind = 'transaction' AND service = ? ORDER BY seq DESC LIMIT 1").get(item.code) as { payload: string }).payload;
      expect(JSON.stringify(JSON.parse(payload))).toContain(`"_atWindow":"${windowMaterials(item.materials).map((m) => m.id).join(',')}"`);
    } finally {
      db.close();
    }

    await walkToRating(page, h);
    const receipt = JSON.stringify((await h.printed()).filter((j) => JSON.stringify(j).includes(receiptNumber)));
    expect(receipt).toContain('请到窗口交');
    expect(receipt).toContain(material.name);
    await page.getByTestId('rating-very-satisfied').click();
    await page.getByTestId('rating-submit').click();
    await screen(page, 'thanks');
  });
});
