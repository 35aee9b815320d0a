// The DOM in platform-sim/: must not type-check.
export const body = document.body;
