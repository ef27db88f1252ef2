import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';

// The contract's closed set of codes, plus what can go wrong on the way there.
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
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK'
  | 'UNKNOWN';

const KNOWN = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'COST_OUT_OF_RANGE',
  'INSUFFICIENT_CREDITS',
  'TICKET_ALREADY_CHARGED',
  'TICKET_NOT_CHARGED',
  'NOTHING_TO_REFUND',
  'ALREADY_REFUNDED',
  'IDEMPOTENCY_CONFLICT',
  'SERVICE_UNAVAILABLE',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
]);

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
  const ext = (e?.extensions ?? {}) as Record<string, unknown>;
  const raw = typeof ext.code === 'string' ? ext.code : '';
  // GraphQL validation errors mean a malformed request: treat them as input errors.
  const code: ErrorCode = KNOWN.has(raw)
    ? (raw as ErrorCode)
    : raw === 'GRAPHQL_VALIDATION_FAILED' || raw === 'GRAPHQL_PARSE_FAILED' || raw === 'BAD_REQUEST'
      ? 'BAD_USER_INPUT'
      : raw
        ? 'UNKNOWN'
        : 'UNKNOWN';
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
    return fromFormatted(error.errors[0] as FormattedError | undefined);
  }
  if (ServerError.is(error)) {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(error.bodyText);
    } catch {
      parsed = null;
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
  return { code: 'UNKNOWN', message: String(error), extensions: {} };
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
