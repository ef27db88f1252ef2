// Failures that say "the database is away or refused this attempt", not "the
// request is wrong": a client should retry them (HTTP 503), and nothing about
// them (driver text, SQL) is shown. Everything else stays a masked 500.

/** SQLSTATEs worth a retry: https://www.postgresql.org/docs/current/errcodes-appendix.html */
const RETRYABLE_SQLSTATES = new Set([
  '53300', // too_many_connections
  '57P01', // admin_shutdown (fast or smart shutdown, pg_terminate_backend)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, in recovery)
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available (lock_timeout)
  '25P03', // idle_in_transaction_session_timeout
]);

/** Socket-level failures while connecting or talking to Postgres. */
const RETRYABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

// node-postgres and pg-pool say these without a code.
const RETRYABLE_MESSAGES = [
  /^Connection terminated/, // unexpectedly, due to connection timeout, ...
  /^timeout exceeded when trying to connect/,
  /is not queryable/, // a client that already lost its connection
];

function isRetryable(e: { code?: unknown; message?: unknown }): boolean {
  const code = typeof e.code === 'string' ? e.code : '';
  if (RETRYABLE_SQLSTATES.has(code) || RETRYABLE_NODE_CODES.has(code)) return true;
  if (code.startsWith('08')) return true; // connection_exception class
  const message = typeof e.message === 'string' ? e.message : '';
  // query_canceled is retryable only when a timeout caused it, not a user's cancel.
  if (code === '57014') return /timeout/i.test(message);
  return code === '' && RETRYABLE_MESSAGES.some((re) => re.test(message));
}

/**
 * True when `err`, or what it wraps (TypeORM's driverError, a cause, the
 * attempts of an AggregateError from a multi-address connect), is a transient
 * database failure.
 */
export function isTransientDbError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    originalError?: unknown;
    errors?: unknown;
  };
  if (isRetryable(e)) return true;
  const inner = [e.driverError, e.cause, e.originalError];
  if (Array.isArray(e.errors)) inner.push(...(e.errors as unknown[]));
  return inner.some((i) => i !== err && isTransientDbError(i, depth + 1));
}

/** Seconds a client should wait before retrying. */
export const RETRY_AFTER_SECONDS = 2;
