/**
 * The browser tests' one polling helper (the server tests' twin is
 * packages/server/test/support/poll.ts): calls `probe` until it returns a
 * value (anything but undefined, null or false), every `intervalMs`, and
 * fails after `timeoutMs` naming what it waited for. For what arrives on its
 * own time: the gateway's readiness, a worker's delivery or scheduled run.
 */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 20_000,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
