import { loadBoot } from './flow/boot';
import { installLockdownGuard } from './lockdown/lockdown-guard';
import { getKioskApi } from './transport/get-kiosk-api';
import './styles/kiosk.css';

/** Reload delay after a failed load of the app's code, in ms. */
const RELOAD_AFTER_MS = 5000;

/**
 * Page entry, deliberately tiny: it opens the KioskApi transport and sends
 * the start-up calls first, then loads the app (React, the flow machine,
 * i18n) as a separate chunk, so the answers travel while that code is
 * fetched and parsed instead of after it.
 */
function start(): void {
  // First, before any of the app's handlers: the renderer's half of the lockdown (both transports).
  installLockdownGuard();
  const root = document.getElementById('root');
  if (!root) return;
  const api = getKioskApi();
  const boot = loadBoot(api);
  import('./mount').then(
    ({ mountKiosk }) => mountKiosk(root, api, boot),
    () => {
      // The notice is in index.html (both languages): i18n is part of what failed to load.
      document.getElementById('load-failed')?.removeAttribute('hidden');
      setTimeout(() => location.reload(), RELOAD_AFTER_MS);
    },
  );
}

start();
