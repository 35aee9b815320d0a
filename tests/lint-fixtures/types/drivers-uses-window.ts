// The DOM in a Node layer (drivers/): must not type-check.
export const width = window.innerWidth;
