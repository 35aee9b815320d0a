import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { KioskError } from '../../../common/contract/errors';
import type { ServiceDetail } from '../../../common/contract/schemas';
import { TEST_CATALOGUE, TestKioskApi } from '../testing/test-kiosk-api';
import { screen, start, stopFlow, until } from '../testing/flow-driver';

afterEach(stopFlow);

/** The fake's first item as a query with nothing to fill in (identity fields only), as platform-sim sends 社保查询. */
function asQuery(api: TestKioskApi): ServiceDetail {
  const base = TEST_CATALOGUE[0]!;
  const item: ServiceDetail = { ...base, kind: 'query', queueable: false, form: base.form.filter((f) => f.prefill !== null), materials: [] };
  api.catalogue.get = async () => item;
  return item;
}

async function toGuide(api: TestKioskApi) {
  const ctx = await start(api);
  const item = asQuery(api);
  api.placeCard();
  await until(ctx.a, 'welcome');
  ctx.a.send({ type: 'CONTINUE' });
  ctx.a.send({ type: 'SELECT_SERVICE', code: item.code });
  await waitFor(ctx.a, (s) => s.matches({ session: { guide: 'ready' } }));
  return { ...ctx, item };
}

describe('kiosk flow machine: query (guide → asked → answer shown, revealed, printed → rating)', () => {
  it('asks at once from the guide (no form, no review), reveals and hides, prints, submits nothing', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await toGuide(api);
    a.send({ type: 'START_APPLICATION' });
    await waitFor(a, (s) => s.matches({ session: 'queryResult' }));
    expect(screen(a)).toBe('query');
    expect(api.calls).toContain('queries.run');
    expect(api.calls).not.toContain('transactions.precheck');
    const masked = a.getSnapshot().context.query!;
    expect(masked.sections[0]!.rows.every((r) => r.masked)).toBe(true);

    a.send({ type: 'REVEAL_TOGGLE' });
    await waitFor(a, (s) => s.context.queryRevealed !== null);
    expect(a.getSnapshot().context.queryRevealed!.sections[0]!.rows[1]!.value).toBe('1,234.56 元');
    a.send({ type: 'CONCEAL' });
    expect(a.getSnapshot().context.queryRevealed).toBeNull();

    a.send({ type: 'PRINT_QUERY' });
    await waitFor(a, (s) => s.context.printJob?.state === 'done');
    expect(api.calls).toContain('printer.printQueryResult');
    expect(screen(a)).toBe('query');

    a.send({ type: 'CONTINUE' });
    expect(screen(a)).toBe('rating');
    expect(api.submissions).toHaveLength(0);
    expect(a.getSnapshot().context.queryRevealed).toBeNull();
  });

  it('offline, the guide does not start the query', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await toGuide(api);
    api.setConnectivity('offline');
    await waitFor(a, (s) => s.context.connectivity === 'offline');
    a.send({ type: 'START_APPLICATION' });
    expect(a.getSnapshot().matches({ session: { guide: 'ready' } })).toBe(true);
    expect(api.calls).not.toContain('queries.run');
  });

  it('a failed query stays on its screen with the code; RETRY asks again, BACK returns to the guide', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await toGuide(api);
    const run = api.queries.run;
    api.queries.run = async () => {
      throw new KioskError('internal', 'refused');
    };
    a.send({ type: 'START_APPLICATION' });
    await waitFor(a, (s) => s.matches({ session: { querying: 'failed' } }));
    expect(a.getSnapshot().context.error).toBe('internal');
    expect(screen(a)).toBe('query');
    api.queries.run = run;
    a.send({ type: 'RETRY' });
    await waitFor(a, (s) => s.matches({ session: 'queryResult' }));
    a.send({ type: 'HOME' });
    expect(screen(a)).toBe('home');
    a.send({ type: 'SELECT_SERVICE', code: TEST_CATALOGUE[0]!.code });
    await waitFor(a, (s) => s.matches({ session: { guide: 'ready' } }));
    api.queries.run = async () => {
      throw new KioskError('platform-unreachable', 'down');
    };
    a.send({ type: 'START_APPLICATION' });
    await waitFor(a, (s) => s.matches({ session: { querying: 'failed' } }));
    a.send({ type: 'BACK' });
    expect(a.getSnapshot().matches({ session: { guide: 'ready' } })).toBe(true);
  });
});
