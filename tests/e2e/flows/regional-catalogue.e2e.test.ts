import { COUNTIES } from '../../../platform-sim/catalogue/generate-catalogue';
import { expect, test } from '../fixtures/test';
import { screen } from '../fixtures/walk';

/**
 * The catalogue for this place, on the kiosk's screen: the test terminal has
 * no region configured, so it lists the basic list, one entry per basic item,
 * never the districts' copies side by side ("商标注册咨询（城东区）",
 * "（城西区）", …). Which district entries a configured terminal lists is
 * proven in tests/core/catalogue-regional.test.ts and by kioskctl.
 */
test('search lists one entry per basic item, not one per district', async ({ kiosk: h }) => {
  const page = h.page;
  const district = new RegExp(`（(${COUNTIES.map((c) => c.name).join('|')})）`);
  expect(h.core.store.catalogue.all().some((i) => district.test(i.name)), 'the platform sends district entries').toBe(true);
  await h.sim('/sim/idcard/insert', { card: 'resident' });
  await screen(page, 'welcome');
  await page.getByTestId('welcome-continue').click();
  await screen(page, 'home');
  for (const query of ['商标注册', '社会保障卡', 'sbk']) {
    await page.getByTestId('search-input').fill(query);
    const results = page.locator('.results [data-testid="service-item"]');
    await results.first().waitFor({ state: 'visible', timeout: 10_000 });
    await expect(page.getByTestId('search-status')).not.toHaveText(/…|\.\.\./);
    const names = await results.allInnerTexts();
    expect(names.length, query).toBeGreaterThan(0);
    expect(names.filter((n) => district.test(n)), query).toEqual([]);
  }
  await h.sim('/sim/idcard/remove');
  await page.getByTestId('cancel-button').click();
  await page.getByTestId('cancel-confirm').click();
  await screen(page, 'attract');
});
