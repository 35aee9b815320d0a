import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createActor } from 'xstate';
import type { KioskApi } from '../../common/contract/kiosk-contract';
import { App } from './app/app';
import type { BootResult } from './flow/boot';
import type { FlowTiming } from './flow/flow-types';
import { kioskMachine } from './flow/kiosk-machine';

/**
 * Test and demo seam: a page init script may set `window.kioskFlowTiming`
 * (milliseconds of the automatic steps, see {@link FlowTiming}) so browser
 * checks can hold a screen still. Only finite non-negative numbers are taken.
 */
function timingOverride(): Partial<FlowTiming> {
  const raw = (globalThis as { kioskFlowTiming?: unknown }).kioskFlowTiming;
  if (!raw || typeof raw !== 'object') return {};
  const keys: (keyof FlowTiming)[] = ['welcomeMs', 'resultMs', 'printDoneMs', 'thanksMs'];
  return Object.fromEntries(
    keys.flatMap((k) => {
      const v = (raw as Record<string, unknown>)[k];
      return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? [[k, v]] : [];
    }),
  );
}

/** How long the first render waits for the start-up answers before it shows the boot screen instead, in ms. */
export const BOOT_SCREEN_AFTER_MS = 300;

/**
 * Starts the flow machine on `api` with the start-up calls already under way
 * (`boot`), then mounts React into `root` once the answers are in (the
 * machine is then already on the attract screen, so the first screen drawn
 * is the one the person can use) or after {@link BOOT_SCREEN_AFTER_MS},
 * whichever is first (a slow core shows the boot screen, as before). The
 * actor lives as long as the page. Resolves when React has been asked to render.
 */
export async function mountKiosk(root: HTMLElement, api: KioskApi, boot: Promise<BootResult>): Promise<void> {
  const actor = createActor(kioskMachine, { input: { api, timing: timingOverride(), boot } });
  actor.start();
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([boot, new Promise<void>((resolve) => (timer = setTimeout(resolve, BOOT_SCREEN_AFTER_MS)))]);
  clearTimeout(timer);
  createRoot(root).render(
    <StrictMode>
      <App api={api} actor={actor} />
    </StrictMode>,
  );
}
