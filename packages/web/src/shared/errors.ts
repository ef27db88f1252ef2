import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';

import type { ErrorCode as ServerErrorCode } from '@credits/schema';

// The gateway's codes come from the schema's ErrorCode enum (generated), so a
// code added or dropped on the server fails this package's typecheck below.
// NETWORK and UNKNOWN are what can go wrong before an answer arrives.
export type ErrorCode = ServerErrorCode | 'NETWORK' | 'UNKNOWN';

// How each server code reaches the dashboard: most as themselves; malformed
// requests (a bug in the dashboard or a stale page) read as input errors.
const AS_SEEN: Record<ServerErrorCode, ErrorCode> = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  COST_OUT_OF_RANGE: 'COST_OUT_OF_RANGE',
  INSUFFICIENT_CREDITS: 'INSUFFICIENT_CREDITS',
  TICKET_ALREADY_CHARGED: 'TICKET_ALREADY_CHARGED',
  TICKET_NOT_CHARGED: 'TICKET_NOT_CHARGED',
  NOTHING_TO_REFUND: 'NOTHING_TO_REFUND',
  ALREADY_REFUNDED: 'ALREADY_REFUNDED',
  IDEMPOTENCY_CONFLICT: 'IDEMPOTENCY_CONFLICT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  GRAPHQL_PARSE_FAILED: 'BAD_USER_INPUT',
  GRAPHQL_VALIDATION_FAILED: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_USER_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_USER_INPUT',
  PERSISTED_QUERY_HASH_MISMATCH: 'BAD_USER_INPUT',
};

/** Every code the server may send, for tests that hold the dashboard to the schema. */
export const SERVER_ERROR_CODES = Object.keys(AS_SEEN) as ServerErrorCode[];

const isServerCode = (raw: string): raw is ServerErrorCode => Object.hasOwn(AS_SEEN, raw);

export interface AppError {
  code: ErrorCode;
  /** The server's message, kept for details. */
  message: string;
  /** The figures the contract puts beside the code (balance, shortfall, min, max, field...). */
  extensions: Record<string, unknown>;
}

interface FormattedError {
  message: string;
  extensions?: Record<string, unknown> | undefined;
}

function fromFormatted(e: FormattedError | undefined): AppError {
  const ext = e?.extensions ?? {};
  const raw = typeof ext.code === 'string' ? ext.code : '';
  const code: ErrorCode = isServerCode(raw) ? AS_SEEN[raw] : 'UNKNOWN';
  return { code, message: e?.message ?? 'Unknown error', extensions: ext };
}

function errorsFromBody(body: unknown): FormattedError[] | null {
  if (body && typeof body === 'object' && Array.isArray((body as { errors?: unknown }).errors)) {
    return (body as { errors: FormattedError[] }).errors;
  }
  return null;
}

/** Turns whatever Apollo hands back into one AppError (the first error decides). */
export function toAppError(error: unknown): AppError | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    return fromFormatted(error.errors[0]);
  }
  if (ServerError.is(error)) {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(error.bodyText);
    } catch {
      // not JSON: fall through to the status code
    }
    const errors = errorsFromBody(parsed);
    if (errors && errors.length > 0) return fromFormatted(errors[0]);
    if (error.statusCode === 401)
      return { code: 'UNAUTHENTICATED', message: error.message, extensions: {} };
    if (error.statusCode === 403)
      return { code: 'FORBIDDEN', message: error.message, extensions: {} };
    return {
      code: 'INTERNAL_SERVER_ERROR',
      message: error.message,
      extensions: { statusCode: error.statusCode },
    };
  }
  if (ServerParseError.is(error)) {
    return {
      code: 'INTERNAL_SERVER_ERROR',
      message: error.message,
      extensions: { statusCode: error.statusCode },
    };
  }
  if (
    error instanceof TypeError ||
    (error instanceof Error && /fetch|network/i.test(error.message))
  ) {
    return { code: 'NETWORK', message: error.message, extensions: {} };
  }
  if (error instanceof Error) return { code: 'UNKNOWN', message: error.message, extensions: {} };
  const message = typeof error === 'string' ? error : 'Unexpected error';
  return { code: 'UNKNOWN', message, extensions: {} };
}

export function hasCode(error: unknown, code: ErrorCode): boolean {
  return toAppError(error)?.code === code;
}

/** A figure from extensions as an integer, or null. */
export function figure(e: AppError, name: string): number | null {
  const v = e.extensions[name];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  return null;
}

export function text(e: AppError, name: string): string | null {
  const v = e.extensions[name];
  return typeof v === 'string' ? v : null;
}
