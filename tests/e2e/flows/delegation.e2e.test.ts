import type { Page } from '@playwright/test';
import type { ServiceDetail } from '../../../common/contract/schemas';
import { materialRoute } from '../../../common/domain/material-route';
import { expect, test, type KioskHarness } from '../fixtures/test';
import { axeBothModes } from '../fixtures/page-checks';
import { fillForm, openGuide, screen } from '../fixtures/walk';

/** The agent: the simulator's `resident` sample card. */
const AGENT = { name: '李晓明', idNumber: '110101198504121230' } as const;
/** The card-route principal: the `hmt` sample card. */
const HMT = { name: '陈嘉欣', idNumber: '810000199208200020' } as const;
/** The authorisation-route principal (not on any card). */
const ELDER = { name: '王秀英', idNumber: '11010519400923004X' } as const;

/** A free, queueable, delegable item that prints a receipt, with a short form. */
function pickDelegable(h: KioskHarness): ServiceDetail {
  const item = h.core.store.catalogue
    .all()
    .filter((i) => i.delegable === true && i.queueable && i.feeFen === 0 && i.output === 'receipt' && i.form.length > 0 && i.form.length <= 5 && !i.implements)
    .sort((a, b) => a.name.length - b.name.length)[0];
  if (!item) throw new Error('the catalogue has no delegable queueable receipt item with a short form');
  return item;
}

/** Taps on the screen in one walk (each click on a button, choice or list entry); typing into a field is counted apart. */
class TapCounter {
  taps = 0;
  typedFields = 0;
  constructor(private readonly page: Page) {}
  async tap(testId: string): Promise<void> {
    this.taps++;
    await this.page.getByTestId(testId).click();
  }
  /** What `fillForm` does for `item`, counted: one tap per field typed into or chosen, one per material ticked. */
  async fill(item: ServiceDetail): Promise<void> {
    await fillForm(this.page, item);
    for (const f of item.form) {
      if (f.prefill) continue;
      if (f.kind === 'select') this.taps++;
      else this.typedFields++;
    }
    for (const m of item.materials) if (m.required && materialRoute(m) === 'checklist') this.taps++;
  }
}

/** The welcome of the agent, by card. */
async function agentIdentified(h: KioskHarness): Promise<void> {
  await screen(h.page, 'attract');
  await h.sim('/sim/idcard/insert', { card: 'resident' });
  await screen(h.page, 'welcome');
}

/** Home (the banner says for whom) → guide → form → pre-check → confirm → submitted; the result's receipt number. */
async function applyFor(h: KioskHarness, taps: TapCounter, item: ServiceDetail): Promise<string> {
  await screen(h.page, 'home');
  await expect(h.page.getByTestId('delegation-banner')).toBeVisible();
  taps.typedFields++; // the search: the item's name typed
  await openGuide(h.page, item);
  taps.taps++; // the list entry openGuide taps
  await taps.tap('start-application');
  await screen(h.page, 'form');
  await taps.fill(item);
  await taps.tap('precheck-button');
  await screen(h.page, 'confirm');
  await taps.tap('confirm-submit');
  await screen(h.page, 'result', 30_000);
  return (await h.page.getByTestId('receipt-number').innerText()).trim();
}

/**
 * 代办 end to end in Chromium: the real core with the simulated reader and
 * scanner, platform-sim as its own process. The principal by their card (the
 * agent's card lifted, the session goes on) and by the authorisation QR of
 * their phone scanned at the simulated scanner; both submitted, received with
 * agent and principal; axe at 0 on every new screen in normal and care mode.
 */
test.describe('acting for another person (代办)', () => {
  test('principal’s card present: welcome → 为家人/他人办理 → card → relation → apply → submitted, received with agent and principal; taps counted', async ({ kiosk: h, axe }) => {
    const item = pickDelegable(h);
    const taps = new TapCounter(h.page);
    await agentIdentified(h);
    await taps.tap('welcome-delegate');
    await screen(h.page, 'delegation');
    await axeBothModes(axe, h.page, 'delegation route');
    await taps.tap('delegation-route-card');
    await h.page.locator('[data-testid="delegation-step"][data-step="awaitingCard"]').waitFor();
    await axeBothModes(axe, h.page, 'delegation awaiting card');
    // The agent lifts their own card and places the principal's: the session goes on.
    await h.sim('/sim/idcard/remove');
    await h.sim('/sim/idcard/insert', { card: 'hmt' });
    await h.page.locator('[data-testid="delegation-step"][data-step="relation"]').waitFor({ timeout: 15_000 });
    await expect(h.page.getByTestId('delegation-principal-name')).toHaveText('陈**');
    await axeBothModes(axe, h.page, 'delegation relation');
    await taps.tap('delegation-relation-spouse');
    await screen(h.page, 'home');
    await expect(h.page.getByTestId('delegation-banner-principal')).toHaveText('陈**');
    await expect(h.page.getByTestId('delegation-banner-agent')).toHaveText('李**');
    await axeBothModes(axe, h.page, 'home with the delegation banner');

    const receiptNumber = await applyFor(h, taps, item);
    const received = (await h.platformTransactions()).find((t) => t.service === item.code && t.delegation?.principal.idNumber === HMT.idNumber);
    expect(received?.delegation).toEqual({
      route: 'card',
      relation: 'spouse',
      agent: AGENT,
      principal: HMT,
      consent: { kind: 'card-present', ref: null },
    });
    expect(receiptNumber.length).toBeGreaterThan(4);
    const text = await h.page.locator('main').innerText();
    for (const secret of [HMT.name, HMT.idNumber, AGENT.name, AGENT.idNumber]) expect(text).not.toContain(secret);
    // One tap on the attract screen is not needed: the card placed there opens the session.
    console.log(`代办 taps (card route), attract → submitted: ${taps.taps} taps + ${taps.typedFields} typed fields (search included), item ${item.code} with ${item.form.length} fields`);
    test.info().annotations.push({ type: 'taps', description: `card route: ${taps.taps} taps + ${taps.typedFields} typed fields` });
    await h.sim('/sim/idcard/remove');
  });

  test('phone authorisation scanned at the simulated scanner: relation → apply → submitted with the authorisation id; a non-delegable item is refused with its reason', async ({ kiosk: h, axe }) => {
    const item = pickDelegable(h);
    const r = await fetch(`${h.platform!.url}/admin/delegations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agentIdNumber: AGENT.idNumber, principal: ELDER, services: [item.code] }),
    });
    const { token, authorisationId } = (await r.json()) as { token: string; authorisationId: string };
    const taps = new TapCounter(h.page);
    await agentIdentified(h);
    await taps.tap('welcome-delegate');
    await taps.tap('delegation-route-authorisation');
    await h.page.locator('[data-testid="delegation-step"][data-step="awaitingAuthorisation"]').waitFor();
    await axeBothModes(axe, h.page, 'delegation awaiting authorisation');
    await h.sim('/sim/scanner/scan', { payload: token });
    await h.page.locator('[data-testid="delegation-step"][data-step="relation"]').waitFor({ timeout: 15_000 });
    await expect(h.page.getByTestId('delegation-principal-name')).toHaveText('王**');
    await taps.tap('delegation-relation-child');

    // Not delegable: refused at the guide in plain words.
    await screen(h.page, 'home');
    const personal = h.core.store.catalogue.all().find((i) => i.name === '居民身份证换领')!;
    await openGuide(h.page, personal);
    await h.page.getByTestId('start-application').click();
    await screen(h.page, 'delegationRefused');
    await expect(h.page.getByTestId('delegation-refusal')).toHaveAttribute('data-reason', 'not-delegable');
    await axeBothModes(axe, h.page, 'delegation refused');
    await h.page.getByTestId('delegation-refused-home').click();

    const receiptNumber = await applyFor(h, taps, item);
    expect(receiptNumber.length).toBeGreaterThan(4);
    const received = (await h.platformTransactions()).find((t) => t.delegation?.consent.ref === authorisationId);
    expect(received?.delegation).toMatchObject({ route: 'authorisation', relation: 'child', agent: AGENT, principal: ELDER, consent: { kind: 'authorisation', ref: authorisationId } });
    // The refused detour above was not counted (plain clicks): the taps of the straight walk.
    console.log(`代办 taps (authorisation route), attract → submitted: ${taps.taps} taps + ${taps.typedFields} typed fields (search included)`);
    await h.sim('/sim/idcard/remove');
  });

  test('guardian for a child under 14: the digit keyboard with X, the check digit checked as typed; axe 0', async ({ kiosk: h, axe }) => {
    await agentIdentified(h);
    await h.page.getByTestId('welcome-delegate').click();
    await h.page.getByTestId('delegation-route-guardian').click();
    await h.page.locator('[data-testid="delegation-step"][data-step="guardian"]').waitFor();
    await axeBothModes(axe, h.page, 'delegation guardian');
    // 17 digits and a wrong check character, typed on the on-screen keys.
    for (const ch of '11010120200101123X') await h.page.locator(`[data-testid="delegation-keypad"] [data-key="${ch}"]`).click();
    await expect(h.page.getByTestId('delegation-child-id')).toHaveValue('11010120200101123X');
    await expect(h.page.getByTestId('delegation-child-id-invalid')).toBeVisible();
    await expect(h.page.getByTestId('delegation-guardian-submit')).toBeDisabled();
    await h.sim('/sim/idcard/remove');
  });
});
