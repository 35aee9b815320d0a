import type { KioskApi } from '../../../common/contract/kiosk-contract';

declare global {
  interface Window {
    /**
     * Exposed by the Electron preload (absent in browser mode). Its methods
     * reject with plain `{code, message, detail}` objects because the context
     * bridge strips error classes; use `getKioskApi()` rather than this directly.
     */
    readonly kiosk?: KioskApi;
  }
}

export {};
