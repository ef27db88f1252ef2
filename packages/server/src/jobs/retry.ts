/** Exponential backoff with "equal jitter": half fixed, half random, so retries spread out. */
export interface Backoff {
  baseMs: number;
  capMs: number;
  maxAttempts: number;
}

export const MAIL_BACKOFF: Backoff = { baseMs: 30_000, capMs: 3_600_000, maxAttempts: 12 };

export function backoffDelay(
  b: Backoff,
  attempt: number,
  random: () => number = Math.random,
): number {
  const full = Math.min(b.capMs, b.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(full / 2 + (full / 2) * random());
}

/**
 * Svix's schedule: the first try at once, then these waits after each failure
 * (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h): 8 tries over about 27 hours.
 */
export const WEBHOOK_SCHEDULE_MS = [
  5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
];

/** Retry-After as seconds or an HTTP date, in ms from `now`; null when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
