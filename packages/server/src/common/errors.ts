import { GraphQLError } from 'graphql';

// The closed set of codes a client can see in `extensions.code`: the
// contract's, each with the figures it names, then the transport's own.
// Every refusal the gateway makes goes through one of the builders below.
// The schema serves this enum as `ErrorCode`, so the dashboard's type is generated from it.
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  COST_OUT_OF_RANGE = 'COST_OUT_OF_RANGE',
  INSUFFICIENT_CREDITS = 'INSUFFICIENT_CREDITS',
  TICKET_ALREADY_CHARGED = 'TICKET_ALREADY_CHARGED',
  TICKET_NOT_CHARGED = 'TICKET_NOT_CHARGED',
  NOTHING_TO_REFUND = 'NOTHING_TO_REFUND',
  ALREADY_REFUNDED = 'ALREADY_REFUNDED',
  IDEMPOTENCY_CONFLICT = 'IDEMPOTENCY_CONFLICT',
  /** Retryable: the database is away or refused the transaction; `retryAfter` seconds. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** Retryable: the key is over its request budget; `retryAfter` seconds, `limit`. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** Anything unexpected, masked; `requestId` finds it in the log. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  // graphql-js and Apollo, for malformed documents, variables and requests.
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST = 'BAD_REQUEST',
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** The APQ hash sent is not the query's SHA-256 (Apollo Router's code for it). */
  PERSISTED_QUERY_HASH_MISMATCH = 'PERSISTED_QUERY_HASH_MISMATCH',
}

/** The transport's codes, passed through as graphql-js and Apollo raise them. */
export const TRANSPORT_CODES: ReadonlySet<string> = new Set([
  ErrorCode.GRAPHQL_PARSE_FAILED,
  ErrorCode.GRAPHQL_VALIDATION_FAILED,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.BAD_REQUEST,
  ErrorCode.OPERATION_RESOLUTION_FAILURE,
  ErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
]);

export class GatewayError extends GraphQLError {
  constructor(
    code: ErrorCode,
    message: string,
    figures: Record<string, unknown> = {},
    httpStatus?: number,
    httpHeaders?: Record<string, string>,
  ) {
    const headers = httpHeaders ? { headers: new Map(Object.entries(httpHeaders)) } : {};
    super(message, {
      extensions: {
        code,
        ...figures,
        ...(httpStatus ? { http: { status: httpStatus, ...headers } } : {}),
      },
    });
  }
}

export const unauthenticated = (
  why = 'A valid API key is required: send "Authorization: Bearer <key>".',
) => new GatewayError(ErrorCode.UNAUTHENTICATED, why, {}, 401);

export const forbidden = (message: string) => new GatewayError(ErrorCode.FORBIDDEN, message);

export const badInput = (field: string, message: string) =>
  new GatewayError(ErrorCode.BAD_USER_INPUT, message, { field });

export const notFound = (id: string, what = 'Object') =>
  new GatewayError(ErrorCode.NOT_FOUND, `${what} ${id} was not found.`, { id });

export const costOutOfRange = (min: number, max: number) =>
  new GatewayError(
    ErrorCode.COST_OUT_OF_RANGE,
    min === max
      ? `This ticket's cost is fixed at ${min} credits.`
      : `The cost must be a whole number of credits from ${min} to ${max}.`,
    { min, max },
  );

export const insufficientCredits = (balance: number, required: number) =>
  new GatewayError(
    ErrorCode.INSUFFICIENT_CREDITS,
    `The account has ${balance} spendable credits; this charge needs ${required} (short by ${required - balance}).`,
    { balance, required, shortfall: required - balance },
  );

export const ticketAlreadyCharged = (chargeId: string) =>
  new GatewayError(ErrorCode.TICKET_ALREADY_CHARGED, 'This ticket has already been charged.', {
    chargeId,
  });

export const ticketNotCharged = () =>
  new GatewayError(
    ErrorCode.TICKET_NOT_CHARGED,
    'This ticket has not been charged, so there is nothing to refund.',
  );

export const nothingToRefund = () =>
  new GatewayError(
    ErrorCode.NOTHING_TO_REFUND,
    'This ticket was included support (0 credits); there is nothing to refund.',
  );

export const alreadyRefunded = (refundId: string) =>
  new GatewayError(ErrorCode.ALREADY_REFUNDED, 'This ticket has already been refunded.', {
    refundId,
  });

export const idempotencyConflict = (field: string, message: string) =>
  new GatewayError(ErrorCode.IDEMPOTENCY_CONFLICT, message, { field });

/**
 * Retryable: the database is away, overloaded or refused the transaction
 * (connection loss, restart, too many connections, serialization or lock
 * timeouts). Nothing was changed unless it committed; a retry with the same
 * idempotency key is safe either way.
 */
export const serviceUnavailable = (retryAfterSeconds: number) =>
  new GatewayError(
    ErrorCode.SERVICE_UNAVAILABLE,
    `The service is briefly unavailable; retry in ${retryAfterSeconds} s (with the same idempotency key for writes).`,
    { retryAfter: retryAfterSeconds },
    503,
    { 'retry-after': String(retryAfterSeconds) },
  );

export const rateLimited = (retryAfterSeconds: number, limit: number) =>
  new GatewayError(
    ErrorCode.RATE_LIMITED,
    `This API key made more than ${limit} requests in its window; retry in ${retryAfterSeconds} s.`,
    { retryAfter: retryAfterSeconds, limit },
    429,
    { 'retry-after': String(retryAfterSeconds) },
  );
