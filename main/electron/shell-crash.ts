/** The part of Electron's `app` a controlled relaunch needs (faked in tests). */
export interface RelaunchApp {
  relaunch(): void;
  exit(code: number): void;
}

/** Exit code of a shell that relaunches itself after an uncaught error. */
export const RELAUNCH_EXIT_CODE = 75;

/** Options of {@link setupShellCrashHandlers}. */
export interface ShellCrashOptions {
  /** Electron's app (relaunch + exit). */
  app: RelaunchApp;
  /** One line per event. */
  log(line: string): void;
  /** What to release before relaunching (stop the core in order); bounded by `graceMs`. Default nothing. */
  beforeRelaunch?: () => Promise<void>;
  /** Longest wait for `beforeRelaunch`, in ms. Default 3000. */
  graceMs?: number;
  /** Default the current process. */
  proc?: Pick<NodeJS.Process, 'on' | 'off'>;
}

/**
 * An uncaught exception or an unhandled rejection in the shell never shows
 * Electron's modal error box: it is logged in one line (its name and the
 * first line of its message, cut to 200 characters, no stack) and the shell
 * relaunches itself in a controlled way — `beforeRelaunch` (bounded by
 * `graceMs`), then `app.relaunch()` and `app.exit(75)`. Only the first such
 * error acts; later ones while relaunching are logged only. Returns a
 * function that removes the handlers.
 */
export function setupShellCrashHandlers(options: ShellCrashOptions): () => void {
  const proc = options.proc ?? process;
  let relaunching = false;
  const handle = (kind: string, error: unknown): void => {
    const what = describe(error);
    if (relaunching) {
      options.log(`shell: ${kind} while relaunching (${what})`);
      return;
    }
    relaunching = true;
    options.log(`shell: ${kind} (${what}); relaunching the kiosk`);
    const grace = new Promise<void>((resolve) => setTimeout(resolve, options.graceMs ?? 3000).unref?.());
    void Promise.race([Promise.resolve().then(() => options.beforeRelaunch?.()), grace])
      .catch(() => undefined)
      .finally(() => {
        options.app.relaunch();
        options.app.exit(RELAUNCH_EXIT_CODE);
      });
  };
  const onException = (error: unknown): void => handle('uncaught exception', error);
  const onRejection = (reason: unknown): void => handle('unhandled rejection', reason);
  proc.on('uncaughtException', onException);
  proc.on('unhandledRejection', onRejection);
  return () => {
    proc.off('uncaughtException', onException);
    proc.off('unhandledRejection', onRejection);
  };
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n')[0]!.slice(0, 200);
}
