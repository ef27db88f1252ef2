import { Counter, Registry } from 'prom-client';

// The job worker's own figures, on a registry of their own: the gateway's
// /metrics serves them beside its own when the worker runs in its process.

export const jobRegistry = new Registry();

/**
 * Sends that repeat a run of the same job which ended without being
 * released (the database went away mid-job, or the worker died): each may
 * duplicate a message the receiver already has. An upper bound on the
 * duplicates at fault instants, by message kind.
 */
export const resendsAfterFault = new Counter({
  name: 'credits_outbound_resends_after_fault_total',
  help: 'Messages sent again by a job whose earlier run ended unreleased (possible duplicates), by kind.',
  labelNames: ['kind'],
  registers: [jobRegistry],
});

/** Job runners restarted because a worker could not release its job while Postgres was away. */
export const runnerRecoveries = new Counter({
  name: 'credits_job_runner_recoveries_total',
  help: 'Job runners restarted (with their jobs freed) after a worker lost its slot to a database outage, by runner.',
  labelNames: ['runner'],
  registers: [jobRegistry],
});
