// The npm packages the bundled shell loads from node_modules at run time (native
// modules, rebuilt for Electron's ABI and unpacked from the asar, and
// electron-updater). Everything else is inlined by scripts/build-electron.mjs;
// the package script ships exactly these and what they depend on.

/** esbuild `external` patterns of the main-process bundles (`electron` is Electron's own module). */
export const SHELL_EXTERNALS = ['electron', 'electron-updater', 'better-sqlite3', 'serialport', '@serialport/*', 'node-hid', '@napi-rs/canvas', 'smartcard'];

/** The packages a packaged shell needs in its node_modules (each with its own dependencies): {@link SHELL_EXTERNALS} without Electron itself; `serialport` brings `@serialport/*`. */
export const SHELL_RUNTIME_PACKAGES = SHELL_EXTERNALS.filter((name) => name !== 'electron' && !name.includes('*'));
