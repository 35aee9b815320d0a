/** File at the root of the distribution, and so of the packaged app, that marks a stand-in build. */
export declare const STAND_IN_MARKER: string;
/** Writes a stand-in Linux Electron distribution into `dir` and returns `dir`. */
export declare function createStandInElectron(dir: string, options: { version: string }): string;
