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

/**
 * Starts the flow machine on `api` with the start-up calls already under way
 * (`boot`), then mounts React into `root`. The actor starts before React so
 * that, when the answers are already in, the first screen React draws is the
 * attract screen. The actor lives as long as the page.
 */
export function mountKiosk(root: HTMLElement, api: KioskApi, boot: Promise<BootResult>): void {
  const actor = createActor(kioskMachine, { input: { api, timing: timingOverride(), boot } });
  actor.start();
  createRoot(root).render(
    <StrictMode>
      <App api={api} actor={actor} />
    </StrictMode>,
  );
}
