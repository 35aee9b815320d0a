// The DOM in the Electron shell's main process: must not type-check.
export const origin = window.location.origin;
