import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode, GatewayError, TRANSPORT_CODES, serviceUnavailable } from '../common/errors';
import { RETRY_AFTER_SECONDS, isTransientDbError } from '../db/transient-errors';

// By name as well as class: a second copy of graphql-js (ESM and CJS builds
// side by side) makes instanceof miss errors graphql and Apollo raise.
function isGraphQLError(e: unknown): boolean {
  return e instanceof GraphQLError || (e instanceof Error && e.name === 'GraphQLError');
}

/** `Variable "$input" got invalid value ... at "input.credits"` -> "input.credits". */
function fieldOf(message: string): string | undefined {
  return /at "([^"]+)"/.exec(message)?.[1] ?? /Variable "\$([^"]+)"/.exec(message)?.[1];
}

// Apollo raises these two client errors (HTTP 400) without a code; they are
// named as Apollo Router names them, rather than masked as a server fault.
const UNCODED_APOLLO_ERRORS: ReadonlyMap<string, ErrorCode> = new Map([
  ['provided sha does not match query', ErrorCode.PERSISTED_QUERY_HASH_MISMATCH],
  ['Unsupported persisted query version', ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED],
]);

/**
 * Everything else is masked: no SQL, stack or driver text reaches a client,
 * only a request id to find the logged original.
 */
export function formatErrorWith(log: Logger) {
  return (
    formatted: GraphQLFormattedError,
    error: unknown,
    requestId?: string,
  ): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof GatewayError) {
      const { http: _http, ...extensions } = original.extensions as Record<string, unknown>;
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions,
      };
    }
    const uncoded = isGraphQLError(original)
      ? UNCODED_APOLLO_ERRORS.get((original as Error).message)
      : undefined;
    if (uncoded) return { message: formatted.message, extensions: { code: uncoded } };
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && TRANSPORT_CODES.has(code) && isGraphQLError(original)) {
      const extensions: Record<string, unknown> = { code };
      if (code === 'BAD_USER_INPUT') extensions.field = fieldOf(formatted.message);
      return { message: formatted.message, locations: formatted.locations, extensions };
    }
    if (isTransientDbError(original)) {
      // The database is away: the client may retry (the HTTP status and
      // Retry-After are set by the unavailable plugin), no driver text shown.
      log.warn({ err: original, requestId, path: formatted.path }, 'database unavailable');
      const e = serviceUnavailable(RETRY_AFTER_SECONDS);
      const { http: _http, ...extensions } = e.extensions as Record<string, unknown>;
      return { message: e.message, path: formatted.path, extensions };
    }
    log.error({ err: original, requestId, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal server error. Quote the request id when reporting it.',
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
    };
  };
}
