import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createActor } from 'xstate';
import { App } from './app/app';
import type { FlowTiming } from './flow/flow-types';
import { kioskMachine } from './flow/kiosk-machine';
import { getKioskApi } from './transport/get-kiosk-api';
import './styles/kiosk.css';

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
 * Entry point: the KioskApi from whichever transport is present, the flow
 * machine started on it at once (its boot calls and event subscriptions then
 * run while React mounts, instead of after the first commit), then the app.
 * The actor lives as long as the page.
 */
function mount(): void {
  const root = document.getElementById('root');
  if (!root) return;
  const api = getKioskApi();
  const actor = createActor(kioskMachine, { input: { api, timing: timingOverride() } });
  actor.start();
  createRoot(root).render(
    <StrictMode>
      <App api={api} actor={actor} />
    </StrictMode>,
  );
}

mount();
