// Node's process in the renderer: must not type-check.
export const home = process.env.HOME;
