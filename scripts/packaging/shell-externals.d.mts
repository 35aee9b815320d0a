/** esbuild `external` patterns of the main-process bundles (`electron` is Electron's own module). */
export declare const SHELL_EXTERNALS: readonly string[];
/** The packages a packaged shell needs in its node_modules (each with its own dependencies). */
export declare const SHELL_RUNTIME_PACKAGES: readonly string[];
