/**
 * The structured logger every layer may be handed (core, drivers, uplink,
 * offline-cache): an event name (`dotted.lower`, e.g. `print.job`) and
 * fields. Implementations redact personal data before anything is written
 * (see main/core/logging); callers still never pass a name, ID number,
 * address, photo or signature on purpose. Never throws.
 */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
  /** A logger that adds `bindings` (e.g. `{ part: 'uplink' }`) to every line. */
  child(bindings: Record<string, unknown>): Logger;
}

/** A logger that writes nothing (the default where none is given). */
export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
