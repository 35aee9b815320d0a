import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { axeBothModes } from '../fixtures/axe-both-modes';
import { expect, test, type KioskHarness } from '../fixtures/test';

const SITE = 'site-tech-e2e';
const PIN = '482916';

/** A technician credential from platform-sim's admin endpoint, signed with the key of the site the kiosk enrolled at. */
async function issueCredential(h: KioskHarness, role: 'technician' | 'staff' = 'technician'): Promise<string> {
  const r = await fetch(`${h.platform!.url}/admin/technician-credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ technicianId: role === 'staff' ? 'staff-e2e' : 'tech-e2e', name: role === 'staff' ? '李姐' : '王工', siteIds: [SITE], pin: PIN, role }),
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { credential: string }).credential;
}

/** Holds the attract screen's technician corner for `ms`. */
async function holdCorner(page: Page, ms: number): Promise<void> {
  const box = (await page.getByTestId('technician-corner').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(ms);
  await page.mouse.up();
}

/** Types the credential and the PIN (on the on-screen digit keyboard) and signs in. */
async function signIn(page: Page, credential: string, pin: string): Promise<void> {
  await page.getByTestId('technician-credential').fill(credential);
  await page.getByTestId('technician-keypad').locator('[data-key="clear"]').click();
  for (const digit of pin) await page.getByTestId('technician-keypad').locator(`[data-key="${digit}"]`).click();
  await page.getByTestId('technician-unlock').click();
}

/** Where cups-pdf writes jobs of users without an account (the kiosk submits as "kiosk"). */
const CUPS_PDF_OUT = '/var/spool/cups-pdf/ANONYMOUS';

/** The real CUPS with the cups-pdf queue KioskPDF, as CI sets it up (scripts/setup-cups.sh, idempotent, needs root). */
function ensureCups(): void {
  if (spawnSync('lpstat', ['-p', 'KioskPDF'], { stdio: 'ignore' }).status === 0 && spawnSync('lpstat', ['-r'], { encoding: 'utf8' }).stdout.includes('is running')) return;
  execFileSync('bash', [fileURLToPath(new URL('../../../scripts/setup-cups.sh', import.meta.url))], { stdio: 'ignore' });
}

/** The cups-pdf outputs of the A4 test page so far. */
function a4TestPages(): string[] {
  return existsSync(CUPS_PDF_OUT) ? readdirSync(CUPS_PDF_OUT).filter((f) => f.includes('kiosk-a4-test-page')) : [];
}

/** Opens a section of the technician screen. */
async function openSection(page: Page, name: string): Promise<void> {
  await page.getByTestId(`technician-open-${name}`).click();
  await page.getByTestId(`technician-section-${name}`).waitFor();
}

// The worker's kiosk enrols at start, so the credential verifies offline against the platform key of its enrolment.
test.use({ enrolSite: SITE });

test.describe('technician mode in Chromium against the real core and platform-sim', () => {
  test('long press → credential + PIN → device overview → test receipt printed → hand back → attract', async ({ kiosk: h, axe }) => {
    const page = h.page;
    const credential = await issueCredential(h);

    await axeBothModes(axe, page, 'attract with the technician corner');
    // A tap on the corner does nothing; only a 3 s hold opens the unlock screen.
    await page.getByTestId('technician-corner').click();
    await page.waitForTimeout(500);
    await expect(page.locator('[data-screen="attract"]')).toBeVisible();
    await holdCorner(page, 3300);
    await page.locator('[data-screen="technicianUnlock"]').waitFor({ timeout: 5000 });
    await axeBothModes(axe, page, 'technician unlock');

    await signIn(page, credential, PIN);
    await page.locator('[data-screen="technician"]').waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('technician-name')).toContainText('王工');
    const devices = page.getByTestId('technician-device');
    expect(await devices.count()).toBeGreaterThan(0);
    await expect(devices.first()).toHaveAttribute('data-state', /.+/);
    await axeBothModes(axe, page, 'technician');

    const before = (await h.printed()).length;
    await page.getByTestId('technician-print-test').click();
    await expect(page.getByTestId('technician-print-result')).toHaveAttribute('data-outcome', 'ok', { timeout: 15_000 });
    const printed = await h.printed();
    expect(printed.length).toBe(before + 1);
    expect(JSON.stringify(printed.at(-1))).toContain('打印机测试页');

    await page.getByTestId('technician-sync').click();
    await expect(page.getByTestId('technician-sync-result')).toHaveAttribute('data-outcome', 'ok', { timeout: 20_000 });

    await page.getByTestId('technician-hand-back').click();
    await page.locator('[data-screen="attract"]').waitFor({ timeout: 10_000 });
    // Handed back: a new long press asks for the credential again.
    await holdCorner(page, 3300);
    await page.locator('[data-screen="technicianUnlock"]').waitFor({ timeout: 5000 });
    await page.getByTestId('back-button').click();
    await page.locator('[data-screen="attract"]').waitFor({ timeout: 5000 });
  });

  test('a technician visit: unlock, test every device, assign a device, retry a needs-attention item, hand back locked', async ({ kiosk: h, axe }) => {
    test.setTimeout(240_000);
    ensureCups();
    const page = h.page;
    const credential = await issueCredential(h);
    // A rejected item waiting for the technician: platform-sim refuses an unknown service.
    const rejected = h.core.store.submitTransaction({ service: 'ZZ99999999', data: { name: '张三丰', idNumber: '110101199003071233' } });
    await expect
      .poll(
        async () => {
          await h.core.sync.syncNow();
          return h.core.store.outbox.needsAttention(50).some((i) => i.id === rejected.id);
        },
        { timeout: 20_000 },
      )
      .toBe(true);

    await holdCorner(page, 3300);
    await page.locator('[data-screen="technicianUnlock"]').waitFor({ timeout: 5000 });
    await signIn(page, credential, PIN);
    await page.locator('[data-screen="technician"]').waitFor({ timeout: 10_000 });

    // Receipt: printed, with its preview on screen.
    const before = (await h.printed()).length;
    await page.getByTestId('technician-print-test').click();
    await expect(page.getByTestId('technician-print-result')).toHaveAttribute('data-outcome', 'ok', { timeout: 15_000 });
    await expect(page.getByTestId('technician-receipt-preview')).toContainText('打印机测试页');
    expect((await h.printed()).length).toBe(before + 1);

    await openSection(page, 'tests');
    await axeBothModes(axe, page, 'technician device tests');
    // Card: placed after the test starts; only masked fields are shown, and no citizen session opens.
    await page.getByTestId('technician-test-card').click();
    await h.sim('/sim/idcard/insert', { card: 'resident' });
    await expect(page.getByTestId('technician-card-result')).toHaveAttribute('data-outcome', 'read', { timeout: 20_000 });
    const cardText = (await page.getByTestId('technician-card-result').textContent()) ?? '';
    expect(cardText).toMatch(/\d{4}\*{10}[\dX]{4}/);
    expect(cardText).not.toMatch(/\d{18}|\d{17}X/);
    await h.sim('/sim/idcard/remove');
    await expect(page.locator('[data-screen="technician"]')).toBeVisible();
    // Scan: its kind and a masked form only.
    const payload = 'https://zwfw.example.gov.cn/e-id?token=9d3e77aa41';
    await page.getByTestId('technician-test-scan').click();
    await page.waitForTimeout(300);
    await h.sim('/sim/scanner/scan', { payload });
    await expect(page.getByTestId('technician-scan-result')).toHaveAttribute('data-outcome', 'scanned', { timeout: 20_000 });
    await expect(page.getByTestId('technician-scan-result')).toHaveAttribute('data-type', 'url');
    expect(await page.getByTestId('technician-scan-result').textContent()).not.toContain('9d3e77aa');
    // A4: the test page through the real CUPS (cups-pdf writes it out).
    const pagesBefore = a4TestPages().length;
    await page.getByTestId('technician-test-a4').click();
    await expect(page.getByTestId('technician-a4-result')).toHaveAttribute('data-outcome', 'done', { timeout: 90_000 });
    await expect.poll(() => a4TestPages().length, { timeout: 20_000 }).toBe(pagesBefore + 1);

    // Assign: a serial port the operating system lists, made the scanner (applies at the next start).
    await openSection(page, 'assign');
    const port = page.getByTestId('technician-serial-port').first();
    await port.waitFor({ timeout: 10_000 });
    const path = (await port.getAttribute('data-path'))!;
    await port.getByTestId('technician-assign-scanner').click();
    await expect(page.getByTestId('technician-assign-result')).toHaveAttribute('data-outcome', 'ok', { timeout: 10_000 });
    await expect(page.getByTestId('technician-assignments').locator('[data-role="scanner"]')).toContainText(path);
    expect(h.core.store.config.get('devices.assignments')).toEqual([expect.objectContaining({ role: 'scanner', port: path, by: 'tech-e2e' })]);

    // Needs attention: listed without its content, retried, gone from the list.
    await openSection(page, 'queue');
    const item = page.locator(`[data-testid="technician-attention-item"][data-id="${rejected.id}"]`);
    await item.waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('technician-section-queue').textContent()).not.toContain('张三丰');
    await axeBothModes(axe, page, 'technician queue');
    await item.getByTestId('technician-retry').click();
    await expect(page.getByTestId('technician-retry-result')).toHaveAttribute('data-outcome', 'retried', { timeout: 10_000 });
    await expect(item).toHaveCount(0, { timeout: 10_000 });

    // Network test: the four steps with their outcomes.
    await openSection(page, 'network');
    await page.getByTestId('technician-network-run').click();
    await expect(page.getByTestId('technician-network-step')).toHaveCount(4, { timeout: 30_000 });
    await expect(page.locator('[data-step="platform-time"]')).toHaveAttribute('data-outcome', 'ok');
    await expect(page.locator('[data-step="signed-ping"]')).toHaveAttribute('data-outcome', 'ok');
    await openSection(page, 'site');
    await expect(page.getByTestId('technician-site-config')).toContainText(SITE);

    // Hand back: attract, in service, and the role is gone (a new hold asks for the credential again).
    await page.getByTestId('technician-hand-back').click();
    await page.locator('[data-screen="attract"]').waitFor({ timeout: 10_000 });
    expect(await h.core.dispatcher.handle('system:serviceState', {})).toEqual({ ok: true, value: { inService: true, reason: null } });
    await holdCorner(page, 3300);
    await page.locator('[data-screen="technicianUnlock"]').waitFor({ timeout: 5000 });
    await page.getByTestId('back-button').click();
    await page.locator('[data-screen="attract"]').waitFor({ timeout: 5000 });
    h.core.store.config.set('devices.assignments', []);
  });

  test('a partner site\'s staff credential: the staff actions only, out of service and back into service', async ({ kiosk: h, axe }) => {
    const page = h.page;
    await holdCorner(page, 3300);
    await page.locator('[data-screen="technicianUnlock"]').waitFor({ timeout: 5000 });
    await signIn(page, await issueCredential(h, 'staff'), PIN);
    await page.getByTestId('staff-panel').waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('technician-name')).toHaveText('工作人员：李姐');
    await expect(page.getByTestId('technician-open-tests')).toHaveCount(0);
    await axeBothModes(axe, page, 'staff panel');
    await page.getByTestId('staff-take-out').click();
    await expect(page.getByTestId('staff-service-state')).toHaveAttribute('data-in-service', 'false', { timeout: 10_000 });
    expect(await h.core.dispatcher.handle('system:serviceState', {})).toEqual({ ok: true, value: { inService: false, reason: 'taken-out' } });
    // Handed back while out of service: attract under the 暂停服务 overlay, whose corner still lets staff in (no dead end).
    await page.getByTestId('technician-hand-back').click();
    await page.locator('[data-out-of-service="taken-out"]').waitFor({ timeout: 15_000 });
    const corner = (await page.getByTestId('oos-technician-corner').boundingBox())!;
    await page.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2);
    await page.mouse.down();
    await page.waitForTimeout(3300);
    await page.mouse.up();
    await page.locator('[data-screen="technicianUnlock"]').waitFor({ timeout: 5000 });
    await signIn(page, await issueCredential(h, 'staff'), PIN);
    await page.getByTestId('staff-panel').waitFor({ timeout: 10_000 });
    // Back into service: the page starts afresh on attract (as after any return to service), and the staff role went with the old connection.
    await page.getByTestId('staff-back-in').click();
    await page.locator('[data-screen="attract"]').waitFor({ timeout: 15_000 });
    expect(await h.core.dispatcher.handle('system:serviceState', {})).toEqual({ ok: true, value: { inService: true, reason: null } });
    await expect.poll(() => h.core.dispatcher.connections.list().some((c) => c.has('staff')), { timeout: 10_000 }).toBe(false);
  });

  test('a wrong PIN five times: each refusal said in plain words, then locked with the minutes left', async ({ kiosk: h }) => {
    const page = h.page;
    const credential = await issueCredential(h);
    await holdCorner(page, 3300);
    await page.locator('[data-screen="technicianUnlock"]').waitFor({ timeout: 5000 });
    for (let i = 1; i <= 4; i++) {
      await signIn(page, credential, '000000');
      await expect(page.getByTestId('technician-refusal')).toHaveText(`密码不对。再错 ${5 - i} 次将暂时锁定。`, { timeout: 10_000 });
    }
    await signIn(page, credential, '000000');
    await expect(page.getByTestId('technician-refusal')).toHaveAttribute('data-reason', 'locked', { timeout: 10_000 });
    await expect(page.getByTestId('technician-refusal')).toHaveText('错误次数太多，已锁定。请 1 分钟后再试。');
    // Locked: even the right PIN is refused.
    await signIn(page, credential, PIN);
    await expect(page.getByTestId('technician-refusal')).toHaveAttribute('data-reason', 'locked', { timeout: 10_000 });
    await expect(page.locator('[data-screen="technicianUnlock"]')).toBeVisible();
    await page.getByTestId('back-button').click();
    await page.locator('[data-screen="attract"]').waitFor({ timeout: 5000 });
    // Opened again while locked: the screen says so before anything is typed.
    await holdCorner(page, 3300);
    await expect(page.getByTestId('technician-refusal')).toHaveAttribute('data-reason', 'locked', { timeout: 5000 });
    await page.getByTestId('back-button').click();
    await page.locator('[data-screen="attract"]').waitFor({ timeout: 5000 });
  });

});
