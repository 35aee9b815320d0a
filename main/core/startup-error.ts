/**
 * The kiosk cannot start for a reason the person at the machine can fix.
 * `zh` and `en` each say what went wrong and what to do, in one sentence.
 * In a module of its own, free of imports, so the development bundle can
 * throw it without pulling in the store (and its native module).
 */
export class StartupError extends Error {
  override name = 'StartupError';
  constructor(
    readonly zh: string,
    readonly en: string,
    options: { cause?: unknown } = {},
  ) {
    super(`${zh} / ${en}`, options.cause === undefined ? undefined : { cause: options.cause });
  }
}

