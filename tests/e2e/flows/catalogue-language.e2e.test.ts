import type { ServiceDetail } from '../../../common/contract/schemas';
import { expect, test, type KioskHarness } from '../fixtures/test';
import { fillForm, openGuide, screen } from '../fixtures/walk';
import { axeBothModes, unisolated } from '../fixtures/page-checks';

/**
 * The services in the person's own language (issue 20), end to end: the
 * real core and SQLite cache, platform-sim's catalogue with its English,
 * Uyghur and Traditional Chinese text. A well-known item reads wholly in the
 * chosen language (name, guide, form labels and options, review); an item
 * the platform has only in Chinese shows its Chinese text and says so once.
 * Search still finds services by their Chinese names.
 */

/** What a locale must show for 社会保障卡申领 (platform-sim's translation tables); an application with a choice, so form and review are walked. */
const EXPECTED = {
  en: {
    name: 'Applying for a social security card',
    summary: 'Your first social security card',
    material: 'Resident ID card',
    label: 'How to receive it',
    option: 'Post it to my home',
    phone: 'Mobile phone number',
    notice: 'Some of this is only available in Chinese',
    site: 'Government self-service terminal',
  },
  ug: {
    name: 'ئىجتىمائىي كاپالەت كارتىسى ئىلتىماس قىلىش',
    summary: 'تۇنجى قېتىم ئىجتىمائىي كاپالەت كارتىسى',
    material: 'ئاھالە كىملىكى',
    label: 'تاپشۇرۇۋېلىش ئۇسۇلى',
    option: 'ئۆيگە پوچتىدا ئەۋەتىش',
    phone: 'يانفون نومۇرى',
    notice: 'بەزى مەزمۇنلارنىڭ پەقەت خەنزۇچىسى بار',
    site: 'ھۆكۈمەت مۇلازىمىتى ئۆزى بېجىرىش ئۈسكۈنىسى',
  },
} as const;

const HAN = /[\u4e00-\u9fff]/;

/** The cached item named `name`. */
function itemNamed(h: KioskHarness, name: string): ServiceDetail {
  const item = h.core.store.catalogue.all().find((i) => i.name === name);
  if (!item) throw new Error(`no catalogue item ${name}`);
  return item;
}

/** An item the platform sends without a name in `locale` (a generated one), short enough to search for. */
function chineseOnlyItem(h: KioskHarness, locale: 'en' | 'ug'): ServiceDetail {
  const item = h.core.store.catalogue
    .all()
    .filter((i) => !i.i18n?.[locale]?.name && !i.code.includes('-'))
    .sort((a, b) => a.name.length - b.name.length)[0];
  if (!item) throw new Error(`every item has a ${locale} name`);
  return item;
}

for (const locale of ['en', 'ug'] as const) {
  test(`${locale}: a well-known service's name, guide, form and review read in ${locale}; a Chinese-only service says so once`, async ({ kiosk: h, axe }) => {
    const page = h.page;
    const want = EXPECTED[locale];
    const known = itemNamed(h, '社会保障卡申领');
    const plain = chineseOnlyItem(h, locale);

    await page.getByTestId(`lang-${locale}`).click();
    await page.locator(`.kiosk[lang="${locale}"]`).waitFor();
    if (locale === 'ug') await page.locator('.kiosk[dir="rtl"]').waitFor();
    // The default site name is the product title, in this language.
    await expect(page.getByTestId('site-name')).toHaveText(want.site);
    await h.sim('/sim/idcard/insert', { card: 'resident' });
    await screen(page, 'welcome');
    await page.getByTestId('welcome-continue').click();
    await screen(page, 'home');
    // Life events carry their own names in this language.
    await expect(page.locator('[data-testid="life-event"][data-id="newborn"]')).toContainText(locale === 'en' ? 'A baby is born' : 'بوۋاق تۇغۇلغاندا');
    expect(await page.getByTestId('chinese-only-notice').count()).toBeLessThanOrEqual(1);

    // The Chinese name still finds it; the list shows it in the person's language.
    await page.getByTestId('search-input').fill('社会保障卡申领');
    const row = page.locator(`[data-testid="service-item"][data-code="${known.code}"]`).first();
    await expect(row.locator('.service-name')).toHaveText(want.name);
    expect(await page.getByTestId('chinese-only-notice').count()).toBeLessThanOrEqual(1);
    await row.click();

    await screen(page, 'guide');
    await expect(page.locator('#guide-title')).toHaveText(want.name);
    await expect(page.locator('[data-screen="guide"] .lead')).toContainText(want.summary);
    await expect(page.locator('[data-screen="guide"] .material-name').first()).toHaveText(want.material);
    expect(await page.locator('[data-screen="guide"]').textContent()).not.toMatch(HAN);
    await expect(page.getByTestId('chinese-only-notice')).toHaveCount(0);
    if (locale === 'ug') expect(await unisolated(page)).toEqual([]);
    await axeBothModes(axe, page, `${locale} guide`);

    await page.getByTestId('start-application').click();
    await screen(page, 'form');
    await expect(page.locator('label[for="field-field1"]')).toContainText(want.label);
    await expect(page.locator('label[for="field-phone"]')).toContainText(want.phone);
    await expect(page.locator('[data-testid="form-field-field1"] option[value="邮寄到家"]')).toHaveText(want.option);
    await expect(page.getByTestId('chinese-only-notice')).toHaveCount(0);
    await fillForm(page, known);
    if (locale === 'ug') expect(await unisolated(page)).toEqual([]);
    await axeBothModes(axe, page, `${locale} form`);

    await page.getByTestId('precheck-button').click();
    await screen(page, 'confirm');
    // The chosen option reads in this language; the value sent stays the Chinese one.
    await expect(page.getByTestId('confirm-field-field1')).toHaveText(want.option);
    await expect(page.locator('[data-screen="confirm"] .lead')).toHaveText(want.name);
    await expect(page.getByTestId('chinese-only-notice')).toHaveCount(0);
    if (locale === 'ug') expect(await unisolated(page)).toEqual([]);
    await axeBothModes(axe, page, `${locale} confirm`);

    // Back home and to an item the platform has only in Chinese.
    await page.getByTestId('back-button').click();
    await screen(page, 'form');
    await page.getByTestId('back-button').click();
    await screen(page, 'guide');
    await page.getByTestId('back-button').click();
    await openGuide(page, plain);
    await expect(page.locator('#guide-title')).toHaveText(plain.name);
    await expect(page.getByTestId('chinese-only-notice')).toHaveCount(1);
    await expect(page.getByTestId('chinese-only-notice')).toHaveText(want.notice);
    // What the platform does have in this language is still shown in it (the identity card).
    await expect(page.locator('[data-screen="guide"] .material-name').first()).toHaveText(want.material);
    if (locale === 'ug') expect(await unisolated(page)).toEqual([]);
    await axeBothModes(axe, page, `${locale} Chinese-only guide`);
  });
}

test('zh-TW: every text in Traditional Chinese (converted by the platform), no notice; search by the Simplified name', async ({ kiosk: h }) => {
  const page = h.page;
  const known = itemNamed(h, '社会保障卡申领');
  await page.getByTestId('lang-zh-TW').click();
  await page.locator('.kiosk[lang="zh-TW"]').waitFor();
  await expect(page.getByTestId('site-name')).toHaveText('政務服務自助終端');
  await h.sim('/sim/idcard/insert', { card: 'resident' });
  await screen(page, 'welcome');
  await page.getByTestId('welcome-continue').click();
  await openGuide(page, known);
  await expect(page.locator('#guide-title')).toHaveText('社會保障卡申領');
  await expect(page.locator('[data-screen="guide"] .material-name').first()).toHaveText('居民身份證');
  await expect(page.getByTestId('chinese-only-notice')).toHaveCount(0);
  await page.getByTestId('start-application').click();
  await screen(page, 'form');
  await expect(page.locator('label[for="field-field1"]')).toContainText('領取方式');
  await expect(page.locator('[data-testid="form-field-field1"] option[value="邮寄到家"]')).toHaveText('郵寄到家');
  await expect(page.locator('label[for="field-phone"]')).toContainText('手機號碼');
  await expect(page.getByTestId('chinese-only-notice')).toHaveCount(0);
});
