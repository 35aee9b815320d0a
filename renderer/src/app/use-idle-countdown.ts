import { useEffect, useRef, useState } from 'react';
import { IdleTimer } from '../flow/idle-timer';

/**
 * Runs an {@link IdleTimer} while `active`: any pointer, touch or key input on
 * the window counts as activity. Returns the seconds left while the countdown
 * shows (null otherwise) and a `resume` for the "continue" button.
 */
export function useIdleCountdown(active: boolean, idleSeconds: number, countdownSeconds: number, onExpire: () => void): {
  secondsLeft: number | null;
  resume(): void;
} {
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const timer = useRef<IdleTimer | null>(null);
  const expire = useRef(onExpire);
  expire.current = onExpire;

  useEffect(() => {
    if (!active) {
      setSecondsLeft(null);
      return;
    }
    const t = new IdleTimer({
      idleMs: idleSeconds * 1000,
      countdownSeconds,
      onCountdown: setSecondsLeft,
      onResume: () => setSecondsLeft(null),
      onExpire: () => {
        setSecondsLeft(null);
        expire.current();
      },
    });
    timer.current = t;
    t.start();
    const touch = () => t.touch();
    const events = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;
    events.forEach((e) => window.addEventListener(e, touch, { capture: true, passive: true }));
    return () => {
      events.forEach((e) => window.removeEventListener(e, touch, { capture: true }));
      t.stop();
      timer.current = null;
    };
  }, [active, idleSeconds, countdownSeconds]);

  return { secondsLeft, resume: () => timer.current?.touch() };
}
