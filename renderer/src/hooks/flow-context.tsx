import { createContext, useContext, type ReactNode } from 'react';
import type { FlowEvent } from '../flow/flow-types';
import type { KioskSnapshot } from '../flow/kiosk-machine';

/** The running flow as screens see it. */
export interface FlowHandle {
  snapshot: KioskSnapshot;
  send(event: FlowEvent): void;
}

const FlowContext = createContext<FlowHandle | null>(null);

/** Provides the flow snapshot and `send` to the screens. */
export function FlowProvider({ value, children }: { value: FlowHandle; children: ReactNode }) {
  return <FlowContext.Provider value={value}>{children}</FlowContext.Provider>;
}

/** The current flow snapshot and `send`; throws outside {@link FlowProvider}. */
export function useFlow(): FlowHandle {
  const flow = useContext(FlowContext);
  if (!flow) throw new Error('useFlow outside FlowProvider');
  return flow;
}
