// The DOM in a Node layer (main/core, uplink/, offline-cache/ …): must not type-check.
export const cookie = document.cookie;
