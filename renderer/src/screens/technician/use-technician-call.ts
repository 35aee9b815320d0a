import { useCallback, useState } from 'react';

/** One technician call as a section shows it: not asked yet, running, answered, or the call itself failed (role lapsed, host gone). */
export type CallState<T> = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; value: T } | { kind: 'error' };

/** The state of one technician call and a function that starts it (a second start while busy is ignored by the buttons, which are disabled). */
export function useTechnicianCall<T>(): [CallState<T>, (call: () => Promise<T>) => void] {
  const [state, setState] = useState<CallState<T>>({ kind: 'idle' });
  const run = useCallback((call: () => Promise<T>) => {
    setState({ kind: 'busy' });
    call().then(
      (value) => setState({ kind: 'done', value }),
      () => setState({ kind: 'error' }),
    );
  }, []);
  return [state, run];
}
