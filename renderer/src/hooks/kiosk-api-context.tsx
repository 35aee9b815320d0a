import { createContext, useContext, type ReactNode } from 'react';
import type { KioskApi } from '../../../common/contract/kiosk-contract';

const KioskApiContext = createContext<KioskApi | null>(null);

/** Makes a {@link KioskApi} available to the tree (the real transport, or a `TestKioskApi` in tests). */
export function KioskApiProvider({ api, children }: { api: KioskApi; children: ReactNode }) {
  return <KioskApiContext.Provider value={api}>{children}</KioskApiContext.Provider>;
}

/** The KioskApi of the nearest {@link KioskApiProvider}; throws outside one. */
export function useKioskApi(): KioskApi {
  const api = useContext(KioskApiContext);
  if (!api) throw new Error('useKioskApi outside KioskApiProvider');
  return api;
}
