import type { ApolloServerPlugin } from '@apollo/server';
import type { ServerResponse } from 'node:http';
import { type GatewayError, serviceUnavailable } from '../common/errors';
import { RETRY_AFTER_SECONDS, isTransientDbError } from '../db/transient-errors';

// When Postgres is away the answer is 503 with SERVICE_UNAVAILABLE and a
// Retry-After, never a 500: partners retry (with the same idempotency key) and
// load balancers can tell "come back" from "broken".

/**
 * A resolver that hit a transient database failure: formatError has already
 * turned its message into SERVICE_UNAVAILABLE; this sets the HTTP status and
 * header, which Apollo takes only from errors that carry them.
 */
export const unavailablePlugin: ApolloServerPlugin = {
  // eslint-disable-next-line @typescript-eslint/require-await
  async requestDidStart() {
    return {
      // eslint-disable-next-line @typescript-eslint/require-await
      async willSendResponse({ errors, response }) {
        if (!errors?.some((e) => isTransientDbError(e))) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
      },
    };
  },
};

/** For code outside a resolver (the context, plain routes): a transient failure as the 503 error. */
export function asUnavailable(err: unknown): unknown {
  return isTransientDbError(err) ? serviceUnavailable(RETRY_AFTER_SECONDS) : err;
}

/** A JSON answer on node:http or Express alike. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/** Answers a GatewayError on a plain route in the GraphQL error shape, with its status and headers. */
export function sendGatewayError(
  res: ServerResponse,
  err: GatewayError,
  fallbackStatus = 400,
): void {
  const { http, ...extensions } = err.extensions as {
    http?: { status?: number; headers?: Map<string, string> };
  } & Record<string, unknown>;
  for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
  sendJson(res, http?.status ?? fallbackStatus, { errors: [{ message: err.message, extensions }] });
}
