import { useEffect, useState } from 'react';

/** Whole seconds from now until `isoTime` (0 when past or unparsable), updated every second. */
export function useSecondsUntil(isoTime: string | null): number {
  const target = isoTime ? Date.parse(isoTime) : NaN;
  const left = () => (Number.isFinite(target) ? Math.max(0, Math.ceil((target - Date.now()) / 1000)) : 0);
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    setSeconds(left());
    const timer = setInterval(() => setSeconds(left()), 1000);
    return () => clearInterval(timer);
  }, [target]);
  return seconds;
}

/** Seconds as `m:ss`, e.g. 299 → "4:59". */
export function minutesSeconds(total: number): string {
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
