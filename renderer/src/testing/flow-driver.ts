import { createActor, waitFor } from 'xstate';
import type { FlowTiming } from '../flow/flow-types';
import { kioskMachine, type KioskActor } from '../flow/kiosk-machine';
import { screenOf, type ScreenName } from '../flow/screen-of';
import { TestKioskApi } from './test-kiosk-api';

/** Test support of the flow machine's tests: automatic steps that pass in 20 ms. */
export const FAST: FlowTiming = { welcomeMs: 20, resultMs: 20, printDoneMs: 20, thanksMs: 20, paymentPollMs: 10 };
/** Automatic steps held for a minute (only the payment poll runs fast), so a test drives every step itself. */
export const SLOW: FlowTiming = { welcomeMs: 60_000, resultMs: 60_000, printDoneMs: 60_000, thanksMs: 60_000, paymentPollMs: 10 };

let current: KioskActor | null = null;

/** Remembers `a` as the actor {@link stopFlow} stops. */
export function track(a: KioskActor): KioskActor {
  current = a;
  return a;
}

/** Stops the actor the last {@link start} (or {@link track}) gave; call it in `afterEach`. */
export function stopFlow(): void {
  current?.stop();
  current = null;
}

/** A started flow actor on `api`, once it shows the attract screen (1 s at most). */
export async function start(api = new TestKioskApi({ printStepMs: 5 }), timing = SLOW): Promise<{ api: TestKioskApi; a: KioskActor }> {
  const a = track(createActor(kioskMachine, { input: { api, timing } }));
  a.start();
  await waitFor(a, (s) => s.matches('attract'), { timeout: 1000 });
  return { api, a };
}

/** The screen the actor shows now. */
export const screen = (a: KioskActor): ScreenName => screenOf(a.getSnapshot());

/** Resolves once the actor shows `name` (rejects after 2 s). */
export const until = (a: KioskActor, name: ScreenName) => waitFor(a, (s) => screenOf(s) === name, { timeout: 2000 });

/** Drives a fresh actor to the confirm screen of service `code` with a valid form. */
export async function toConfirm(api?: TestKioskApi, code = 'GG00101001', timing = SLOW) {
  const ctx = await start(api, timing);
  ctx.api.placeCard();
  await until(ctx.a, 'welcome');
  ctx.a.send({ type: 'CONTINUE' });
  ctx.a.send({ type: 'SELECT_SERVICE', code });
  await waitFor(ctx.a, (s) => s.matches({ session: { guide: 'ready' } }));
  ctx.a.send({ type: 'START_APPLICATION' });
  ctx.a.send({ type: 'FIELD_CHANGED', id: 'phone', value: '13800138000' });
  ctx.a.send({ type: 'FIELD_CHANGED', id: 'delivery', value: '窗口领取' });
  ctx.a.send({ type: 'MATERIAL_TOGGLED', id: 'photo', provided: true });
  ctx.a.send({ type: 'PRECHECK' });
  await until(ctx.a, 'confirm');
  return ctx;
}
