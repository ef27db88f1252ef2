import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

// The request id follows the request through async code, so error masking
// and logs can quote it without threading it through every call.
const scope = new AsyncLocalStorage<{ requestId: string }>();

export const currentRequestId = (): string | undefined => scope.getStore()?.requestId;

const SAFE_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Runs `next` in the request's scope: the caller's X-Request-Id when it is safe to echo, else a new one. */
export function requestScope(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const given = req.headers['x-request-id'];
  const requestId = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', requestId);
  scope.run({ requestId }, next);
}
