// Types of pino-roll 4 (the package ships no declarations): an async factory
// of a SonicBoom stream that rotates its file by size and/or time.
declare module 'pino-roll' {
  /** The SonicBoom stream pino-roll returns, as far as the kiosk uses it. */
  interface RollingStream extends NodeJS.EventEmitter {
    write(data: string): boolean;
    end(): void;
  }
  interface PinoRollOptions {
    /** Base path; the file number (and `extension`) is appended: `kiosk` → `kiosk.1.log`. */
    file: string;
    /** Rotate at this size: a number (MB) or e.g. `'10m'`, `'500k'`. */
    size?: string | number;
    /** Rotate by time: `'daily'`, `'hourly'` or ms. */
    frequency?: string | number;
    extension?: string;
    /** Create the parent directory when missing. */
    mkdir?: boolean;
    /** Old files to keep besides the current one. */
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    symlink?: boolean;
    dateFormat?: string;
  }
  export default function pinoRoll(options: PinoRollOptions): Promise<RollingStream>;
}
