/**
 * The tests' one polling helper: calls `probe` until it returns a value
 * (anything but undefined, null or false), every `intervalMs`, and fails
 * after `timeoutMs` naming what it waited for. For outcomes that arrive on
 * their own time (a worker's delivery, a replica's replay, a port opening,
 * a request reaching a lock); time the test controls goes on a ManualClock.
 */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 20_000,
  intervalMs = 50,
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
