// The read rules SQL needs, each written once (STYLE.md): every query,
// trigger and compiled read that decides one of them calls these emitters
// instead of spelling the condition again. Each has a TypeScript twin in
// policy/ that test/read-rules.test.ts holds equal on boundary instants.
//
// The emitters take SQL expressions (an alias' column, a placeholder such as
// `$2`, `clock_timestamp()`) and return a fragment that is plain SQL over
// the table's own columns, so the planner uses the indexes on them
// (credit_lots_spendable_idx on (account_id, expires_at),
// api_key_accounts' primary key (api_key_id, account_id), portal_links' id).

/**
 * P3: a lot is live at `instant` while its expiry is strictly after it; a lot
 * with no expiry never dies. Twin: policy/spending.ts isLive.
 *
 * Precision: credit_lots.expires_at is stored at millisecond precision
 * (timestamptz(3), migration 1796500000000-one-read-rule), the precision of
 * a JavaScript Date, so this comparison and isLive agree on every input,
 * whatever the instant's own precision (a µs clock_timestamp() or a ms
 * Date): for an expiry X in whole ms, `X > t` and `X > trunc_ms(t)` are the
 * same test. Storing at ms rather than truncating here keeps the condition
 * on the bare column, so the index range scan stays (a date_trunc() around
 * the column would need an expression index of its own).
 */
export function liveAtSql(lot: string, instant: string): string {
  return `(${lot}.expires_at IS NULL OR ${lot}.expires_at > ${instant})`;
}

/** The negation of liveAtSql: the lot has died at or before `instant` (P3, P19). */
export function deadAtSql(lot: string, instant: string): string {
  return `(${lot}.expires_at <= ${instant})`;
}

/**
 * P20: an account's balance as of `instant`, from the ledger alone: every
 * entry recorded up to that instant, on lots still live at it. For a future
 * instant this is what will be left if nothing else happens. A scalar
 * subquery over ledger_entries (account_id, at) and the lot's primary key.
 * Twin: test/support/ledger-model.ts balanceAt (the model of P1-P20).
 */
export function balanceAtSql(accountId: string, instant: string): string {
  return `(SELECT COALESCE(SUM(e.credits), 0)::int
             FROM ledger_entries e JOIN credit_lots l ON l.id = e.lot_id
            WHERE e.account_id = ${accountId} AND e.at <= ${instant} AND ${liveAtSql('l', instant)})`;
}

/**
 * An account's balance now: what its live lots hold. The lots' running
 * remaining_credits equal the ledger's sums (reconcile.ts checks it), so
 * this is balanceAtSql at `instant` without reading the whole ledger.
 */
export function balanceNowSql(accountId: string, instant: string): string {
  return `(SELECT COALESCE(SUM(l.remaining_credits), 0)::int FROM credit_lots l
            WHERE l.account_id = ${accountId} AND ${liveAtSql('l', instant)})`;
}

/**
 * The scope of a scoped viewer (common/viewer isScoped), by its credential's
 * id: a PARTNER key sees the accounts its scope lists (api_key_accounts), a
 * CUSTOMER's portal link the one account it was made for (portal_links).
 * Both ids are server-made UUIDs, so one never names the other's rows.
 * Other roles see every account and never call this. Twin: common/access.ts
 * Access. Each arm is an index probe (api_key_accounts' primary key,
 * portal_links' primary key); the link's expiry and revocation are checked
 * once, when the request authenticates, as a key's revocation is.
 */
export function inScopeSql(keyId: string, accountId: string): string {
  return `${accountId} IN (${scopeAccountsSql(keyId)})`;
}

/** The accounts of a scoped viewer's credential (see inScopeSql), as rows of account_id. */
export function scopeAccountsSql(keyId: string): string {
  return `SELECT account_id FROM api_key_accounts WHERE api_key_id = ${keyId}
                     UNION ALL SELECT account_id FROM portal_links WHERE id = ${keyId}`;
}

/**
 * inScopeSql where the credential can only be an API key (a webhook
 * endpoint's owner): its first arm alone, as the database functions that
 * predate portal links were written (migrations re-apply them in order).
 */
export function inKeyScopeSql(keyId: string, accountId: string): string {
  return `${accountId} IN (SELECT account_id FROM api_key_accounts WHERE api_key_id = ${keyId})`;
}

/**
 * A ticket's status from its ledger rows (P10, P15): REFUNDED once a refund
 * names it, CHARGED once a charge does, else OPEN; `ticketId` an SQL
 * expression. The trigger that keeps tickets.status evaluates it on each
 * charge and refund (each an index probe on its unique ticket_id). Twin:
 * policy/ticket-status.ts ticketStatus.
 */
export function ticketStatusSql(ticketId: string): string {
  return `(CASE WHEN EXISTS (SELECT 1 FROM refunds r WHERE r.ticket_id = ${ticketId}) THEN 'REFUNDED'
               WHEN EXISTS (SELECT 1 FROM charges c WHERE c.ticket_id = ${ticketId}) THEN 'CHARGED'
               ELSE 'OPEN' END)::ticket_status`;
}

/**
 * The jobs the worker runs, by graphile-worker task name, and the job key
 * each is enqueued under (one job per row: a second add_job with the same
 * key replaces the waiting one instead of sending twice). The SQL triggers
 * and statements that enqueue them use jobSql.
 */
export const JOBS = {
  statementMail: { name: 'statement_mail', key: (id: string) => `statement:${id}` },
  webhookDelivery: {
    name: 'webhook_delivery',
    key: (id: string) => `webhook:${id}`,
    /** One named queue per endpoint: graphile-worker runs one job of a queue at a time. */
    queue: (endpointId: string) => `webhook:${endpointId}`,
  },
  expiryNoticeMail: {
    name: 'expiry_notice_mail',
    key: (lotId: string, thresholdDays: string) => `expiry-notice:${lotId}:${thresholdDays}`,
  },
  lowBalanceMail: { name: 'low_balance_mail', key: (id: string) => `low-balance:${id}` },
  receiptMail: { name: 'receipt_mail', key: (id: string) => `receipt:${id}` },
} as const;

/**
 * The channels the two runners listen on instead of graphile-worker's
 * "jobs:insert" (jobs/runner.ts), so that neither wakes for the other's
 * jobs: a message job's notification carries its key (distinct, so one
 * transaction's jobs each wake a slot), a webhook delivery's its endpoint.
 */
export const JOB_CHANNELS = {
  messages: 'credits:message_jobs',
  webhooks: 'credits:webhook_jobs',
} as const;

/** The notification that wakes `runner`'s slots (JOB_CHANNELS), as a select-list item. */
export function wakeRunnerSql(runner: keyof typeof JOB_CHANNELS, payloadSql: string): string {
  return `pg_notify('${JOB_CHANNELS[runner]}', ${payloadSql})`;
}

/**
 * Deletes the waiting job whose key `keySql` gives (nothing when there is
 * none, or when a worker holds it: that worker then finds its row done and
 * sends nothing). A run that sent a row retires the row's job this way.
 * graphile-worker's remove_job does the same but sends a NOTIFY, and a
 * transaction that notifies takes a database-wide lock at commit, held
 * through the commit's WAL flush, that every charge's commit takes too (its
 * add_job notifies): the worker's records and the charges queued behind
 * each other (docs/outbound.md). retire_job: migration 1798000000000.
 */
export function retireJobSql(keySql: string): string {
  return `retire_job(${keySql})`;
}

/**
 * `graphile_worker.add_job(...)` for `job`, its payload one text field named
 * `field` holding `idSql`, its job key the job's key of that id, and the
 * notification of its runner's channel (JOB_CHANNELS): a webhook delivery's
 * (`queueIdSql` its endpoint) carries the endpoint, which the webhook runner
 * leaves alone while it holds that endpoint's queue. add_job's own
 * "jobs:insert" wakes neither runner. The result is a select list.
 *
 * `newRow`: the id is that of a row inserted in this transaction (the
 * triggers), so no job with its key can exist yet and the job is simply
 * inserted ('unsafe_dedupe' mode). The default mode first looks for a
 * running job with the same key to retire it, and graphile-worker 0.16
 * writes that look as a join whose plan each session caches while the jobs
 * table is small: a sequential scan of every waiting job, which made each
 * charge slower the longer the worker's backlog grew (8.8 ms per add_job at
 * 20,000 jobs, docs/outbound.md). A resend or a replay keeps the default:
 * there a job with the key may be running and must not swallow the new one.
 */
export function addJobSql(
  job: (typeof JOBS)['statementMail' | 'webhookDelivery' | 'lowBalanceMail' | 'receiptMail'],
  field: string,
  idSql: string,
  opts: { queueIdSql?: string; newRow?: boolean } = {},
): string {
  const prefix = job.key('');
  const queued = opts.queueIdSql !== undefined && 'queue' in job;
  const queue = queued ? `queue_name := '${job.queue('')}' || ${opts.queueIdSql}::text, ` : '';
  const notify = queued
    ? wakeRunnerSql('webhooks', `${opts.queueIdSql}::text`)
    : wakeRunnerSql('messages', `'${prefix}' || ${idSql}`);
  const mode = opts.newRow ? `, job_key_mode := 'unsafe_dedupe'` : '';
  return `graphile_worker.add_job('${job.name}', json_build_object('${field}', ${idSql}::text),
                                      ${queue}job_key := '${prefix}' || ${idSql}${mode}), ${notify}`;
}
