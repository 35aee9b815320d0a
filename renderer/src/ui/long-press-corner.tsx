import { useEffect, useRef, type KeyboardEvent } from 'react';

/** How long the technician's corner must be held: 3000 ms. */
export const LONG_PRESS_MS = 3000;

/**
 * A small target in a corner that does nothing on a tap and calls `onLongPress`
 * once it has been held for {@link LONG_PRESS_MS} (pointer, touch, or Enter /
 * Space held on the keyboard). Drawn without a visible mark, so people at the
 * kiosk pass it by; it carries an accessible name for assistive technology.
 * Releasing, leaving or cancelling before the time is up cancels it.
 */
export function LongPressCorner({ label, onLongPress, testId, holdMs = LONG_PRESS_MS }: { label: string; onLongPress(): void; testId: string; holdMs?: number }) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const fire = useRef(onLongPress);
  fire.current = onLongPress;
  const cancel = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  const begin = () => {
    cancel();
    timer.current = setTimeout(() => {
      timer.current = null;
      fire.current();
    }, holdMs);
  };
  useEffect(() => cancel, []);
  const isPressKey = (e: KeyboardEvent) => e.key === 'Enter' || e.key === ' ';
  return (
    <button
      type="button"
      className="long-press-corner"
      aria-label={label}
      data-testid={testId}
      onPointerDown={begin}
      onPointerUp={cancel}
      onPointerLeave={cancel}
      onPointerCancel={cancel}
      onContextMenu={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        if (!isPressKey(e)) return;
        e.preventDefault();
        if (!e.repeat) begin();
      }}
      onKeyUp={(e) => {
        if (isPressKey(e)) cancel();
      }}
    />
  );
}
