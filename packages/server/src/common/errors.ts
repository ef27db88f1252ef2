import { GraphQLError } from 'graphql';

// The contract's closed set of error codes, each with the figures it names.
// Every refusal the gateway makes goes through one of these builders.
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'COST_OUT_OF_RANGE'
  | 'INSUFFICIENT_CREDITS'
  | 'TICKET_ALREADY_CHARGED'
  | 'TICKET_NOT_CHARGED'
  | 'NOTHING_TO_REFUND'
  | 'ALREADY_REFUNDED'
  | 'IDEMPOTENCY_CONFLICT'
  | 'SERVICE_UNAVAILABLE'
  | 'RATE_LIMITED';

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
) => new GatewayError('UNAUTHENTICATED', why, {}, 401);

export const forbidden = (message: string) => new GatewayError('FORBIDDEN', message);

export const badInput = (field: string, message: string) =>
  new GatewayError('BAD_USER_INPUT', message, { field });

export const notFound = (id: string, what = 'Object') =>
  new GatewayError('NOT_FOUND', `${what} ${id} was not found.`, { id });

export const costOutOfRange = (min: number, max: number) =>
  new GatewayError(
    'COST_OUT_OF_RANGE',
    min === max
      ? `This ticket's cost is fixed at ${min} credits.`
      : `The cost must be a whole number of credits from ${min} to ${max}.`,
    { min, max },
  );

export const insufficientCredits = (balance: number, required: number) =>
  new GatewayError(
    'INSUFFICIENT_CREDITS',
    `The account has ${balance} spendable credits; this charge needs ${required} (short by ${required - balance}).`,
    { balance, required, shortfall: required - balance },
  );

export const ticketAlreadyCharged = (chargeId: string) =>
  new GatewayError('TICKET_ALREADY_CHARGED', 'This ticket has already been charged.', { chargeId });

export const ticketNotCharged = () =>
  new GatewayError(
    'TICKET_NOT_CHARGED',
    'This ticket has not been charged, so there is nothing to refund.',
  );

export const nothingToRefund = () =>
  new GatewayError(
    'NOTHING_TO_REFUND',
    'This ticket was included support (0 credits); there is nothing to refund.',
  );

export const alreadyRefunded = (refundId: string) =>
  new GatewayError('ALREADY_REFUNDED', 'This ticket has already been refunded.', { refundId });

export const idempotencyConflict = (field: string, message: string) =>
  new GatewayError('IDEMPOTENCY_CONFLICT', message, { field });

/**
 * Retryable: the database is away, overloaded or refused the transaction
 * (connection loss, restart, too many connections, serialization or lock
 * timeouts). Nothing was changed unless it committed; a retry with the same
 * idempotency key is safe either way.
 */
export const serviceUnavailable = (retryAfterSeconds: number) =>
  new GatewayError(
    'SERVICE_UNAVAILABLE',
    `The service is briefly unavailable; retry in ${retryAfterSeconds} s (with the same idempotency key for writes).`,
    { retryAfter: retryAfterSeconds },
    503,
    { 'retry-after': String(retryAfterSeconds) },
  );

export const rateLimited = (retryAfterSeconds: number, limit: number) =>
  new GatewayError(
    'RATE_LIMITED',
    `This API key made more than ${limit} requests in its window; retry in ${retryAfterSeconds} s.`,
    { retryAfter: retryAfterSeconds, limit },
    429,
    { 'retry-after': String(retryAfterSeconds) },
  );
