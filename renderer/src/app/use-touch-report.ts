import { useEffect, useRef } from 'react';
import { useKioskApi } from '../hooks/kiosk-api-context';

/** Shortest gap between two `system.touched` reports, in ms. */
export const TOUCH_REPORT_EVERY_MS = 5000;

/**
 * Tells main that a person is at the screen (a touch, click or key),
 * at most every {@link TOUCH_REPORT_EVERY_MS}, so the shell's idle rule
 * never restarts or updates the kiosk under someone who is only reading.
 * Sends the screen name only. Failures are ignored.
 */
export function useTouchReport(screen: string): void {
  const api = useKioskApi();
  const last = useRef(0);
  const current = useRef(screen);
  current.current = screen;
  useEffect(() => {
    const report = () => {
      const now = Date.now();
      if (now - last.current < TOUCH_REPORT_EVERY_MS) return;
      last.current = now;
      api.system.touched({ screen: current.current.slice(0, 40) }).catch(() => undefined);
    };
    document.addEventListener('pointerdown', report, { capture: true, passive: true });
    document.addEventListener('keydown', report, { capture: true, passive: true });
    return () => {
      document.removeEventListener('pointerdown', report, { capture: true });
      document.removeEventListener('keydown', report, { capture: true });
    };
  }, [api]);
}
