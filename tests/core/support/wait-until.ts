/**
 * Polls `check` every `intervalMs` until it returns true. Throws after
 * `timeoutMs` (default 20 s) naming `what`, so a hung condition fails the
 * test with a readable message instead of the test timeout.
 */
export async function waitUntil(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000, intervalMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
