import type { MiddlewareFn } from 'type-graphql';
import type { RequestContext } from './context';

/**
 * After a mutation, what the request's loaders cached is stale: a document
 * with two purchases must show the second balance after the second. Clearing
 * them here, for every root mutation, means no new mutation can forget.
 * The request's instant moves on too, past the one the write happened at.
 */
export const freshReadsAfterWrite: MiddlewareFn<RequestContext> = async (
  { context, info },
  next,
) => {
  const result: unknown = await next();
  if (info.parentType.name === 'Mutation') {
    for (const loader of Object.values(context.loaders)) loader.clearAll();
    context.now = context.clock.now(); // at or after the instant the mutation used
  }
  return result;
};
