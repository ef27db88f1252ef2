import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

// The request id follows the request through async code, so error masking
// and logs can quote it without threading it through every call.
const scope = new AsyncLocalStorage<{ requestId: string }>();

export const currentRequestId = (): string | undefined => scope.getStore()?.requestId;

const SAFE_ID = /^[A-Za-z0-9._-]{1,100}$/;

export function requestScope(req: Request, res: Response, next: NextFunction): void {
  const given = req.get('x-request-id');
  const requestId = given && SAFE_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', requestId);
  scope.run({ requestId }, next);
}
