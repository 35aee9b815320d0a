import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import type { FlowTiming } from './flow/flow-types';
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

/** Entry point: the KioskApi from whichever transport is present, then the app. */
function mount(): void {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App api={getKioskApi()} timing={timingOverride()} />
    </StrictMode>,
  );
}

mount();
