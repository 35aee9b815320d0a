import { expect, test } from '../fixtures/test';
import { eventually, finishWalk, pickSliceService, screen, walkToResult } from '../fixtures/walk';

/**
 * The foundation slice (issue 2), end to end through the web transport:
 * simulated ID card reader and receipt printer speaking their real protocols,
 * the real core and SQLite outbox, platform-sim as its own process. The
 * kiosk is the worker's: counts on the platform are taken before the walk.
 */
test.describe('walk-up slice in Chromium', () => {
  test('online: card → welcome → service → submitted → receipt → rating → attract, and the platform has it exactly once', async ({ kiosk: h }) => {
    const item = pickSliceService(h);
    const before = (await h.platformTransactions()).filter((t) => t.service === item.code).length;
    const { status, receiptNumber } = await walkToResult(h.page, h, item);
    expect(status).toBe('delivered');
    expect(receiptNumber.length).toBeGreaterThan(4);

    await finishWalk(h.page, h);

    const printed = JSON.stringify(await h.printed());
    expect(printed).toContain(receiptNumber);
    const card = h.core.simulators.idcard;
    expect(card).not.toBeNull();
    // The sample card's full name and ID number never reach paper.
    expect(printed).not.toMatch(/\d{17}[\dX]/);

    const records = (await h.platformTransactions()).filter((t) => t.service === item.code);
    expect(records).toHaveLength(before + 1);
    expect(records.at(-1)!.deviceId).toBe(h.core.deviceId);

    // The session is wiped: nobody is identified any more.
    const session = await h.core.dispatcher.handle('session:current', {});
    expect(session).toEqual({ ok: true, value: { sessionId: null, stage: 'idle', identity: null } });
  });

  test('platform down: "saved, will be sent automatically"; when it returns the transaction arrives exactly once', async ({ kiosk: h }) => {
    const item = pickSliceService(h);
    const before = (await h.platformTransactions()).length;
    const beforeItem = (await h.platformTransactions()).filter((t) => t.service === item.code).length;
    await h.stopPlatform();
    await eventually(async () => { await h.core.sync.syncNow(); return h.core.sync.connectivity.state === 'offline'; }, 20_000);
    expect(h.core.sync.connectivity.state).toBe('offline');
    await h.page.locator('[data-testid="connectivity-banner"][data-state="offline"]').waitFor({ timeout: 15_000 });

    const { status, receiptNumber } = await walkToResult(h.page, h, item);
    expect(status).toBe('queued');
    expect(receiptNumber.length).toBeGreaterThan(4);
    expect(h.core.store.queueStatus().pending).toBeGreaterThanOrEqual(1);
    await finishWalk(h.page, h);
    await screen(h.page, 'attract');

    await h.startPlatform();
    const arrived = await eventually(async () => (await h.platformTransactions()).length >= before + 1 && h.core.store.queueStatus().pending === 0, 45_000);
    expect(arrived).toBe(true);
    const all = await h.platformTransactions();
    expect(all).toHaveLength(before + 1);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    expect(all.filter((t) => t.service === item.code).length).toBe(beforeItem + 1);
  });
});
