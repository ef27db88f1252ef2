/**
 * How far a job goes on with its queue's next waiting message or delivery
 * (a run: jobs/outbox-mail.ts, tasks/webhook-delivery.ts) before it hands its
 * slot back: up to `max` sends or `ms` milliseconds, and no further once
 * `stop` says so (the job aborted, the worker stopping). A backlog then
 * costs about one round trip per message, and no run holds a slot for long.
 */
export const RUN_MAX = 100;
export const RUN_MS = 2_000;

export interface RunBudget {
  /** Counts a send, before it is made. */
  spend: () => void;
  /** Whether the run may claim one more. */
  left: () => boolean;
}

export function runBudget(opts: { max?: number; ms?: number; stop: () => boolean }): RunBudget {
  const max = opts.max ?? RUN_MAX;
  const ms = opts.ms ?? RUN_MS;
  const started = Date.now();
  let sent = 0;
  return {
    spend: () => void sent++,
    left: () => sent < max && Date.now() - started < ms && !opts.stop(),
  };
}
