import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** A refusal or failure, with the contract's code and the figures beside it. */
export class GatewayError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown>,
    readonly status: number,
  ) {
    super(`${code}: ${message}`);
  }

  /**
   * Worth sending again unchanged: the gateway failed, not the request.
   * Every other code means the request itself must change first.
   */
  get retryable(): boolean {
    return this.code === 'INTERNAL_SERVER_ERROR' || this.status === 429 || this.status >= 500;
  }
}

export interface ClientOptions {
  /** The gateway's base URL, e.g. https://credits.example.com */
  url: string;
  apiKey: string;
  fetch?: typeof fetch;
}

export type Request = <R, V>(document: TypedDocumentNode<R, V>, variables: V) => Promise<R>;

/** POSTs typed operations to /graphql with the key; throws GatewayError on any error. */
export function createClient({ url, apiKey, fetch: send = fetch }: ClientOptions): Request {
  return async <R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> => {
    const res = await send(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const body = (await res.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    };
    const first = body.errors?.[0];
    if (first) {
      const ext = first.extensions ?? {};
      const code = typeof ext.code === 'string' ? ext.code : 'UNKNOWN';
      throw new GatewayError(code, first.message, ext, res.status);
    }
    if (!body.data)
      throw new GatewayError('UNKNOWN', `HTTP ${res.status} without data`, {}, res.status);
    return body.data as R;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends again after a lost answer (network error) or a gateway failure, with
 * backoff. Only for requests that carry their own identity, a payment
 * reference or an idempotency key, so a repeat cannot charge twice.
 */
export async function withRetries<T>(
  send: () => Promise<T>,
  { attempts = 4, delayMs = 200, onRetry = (_err: unknown) => {} } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      const retryable = err instanceof GatewayError ? err.retryable : err instanceof TypeError;
      if (!retryable || attempt >= attempts) throw err;
      onRetry(err);
      await sleep(delayMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
    }
  }
}
