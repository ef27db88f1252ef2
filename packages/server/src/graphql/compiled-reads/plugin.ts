import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import { READ_ROLES } from '../../common/viewer';
import type { RequestContext } from '../context';
import type { CompiledReadsExecutor } from './executor';

/**
 * Answers the hot read shapes (see compile.ts) with one SQL statement per
 * root field, before graphql-js executes anything. Apollo has parsed and
 * validated the document and built the context by then; every request this
 * plugin does not answer (another shape, a variable or argument that would
 * be an error, a role that may not read) runs through the resolvers as
 * before, which also give the errors.
 */
export function compiledReadsPlugin(
  executor: CompiledReadsExecutor,
): ApolloServerPlugin<RequestContext> {
  // Stateless, so one listener serves every request.
  const listener: GraphQLRequestListener<RequestContext> = {
    async responseForOperation(rc) {
      const ctx = rc.contextValue;
      if (rc.operation.operation !== OperationTypeNode.QUERY) return null;
      if (!READ_ROLES.includes(ctx.viewer.role)) return null;
      const scoped = ctx.access.scoped;
      const data = await executor.run(rc.schema, rc.document, rc.operation, rc.request.variables, {
        now: ctx.now,
        scoped,
        scopeKeyId: scoped ? ctx.viewer.keyId : null,
        requestId: ctx.requestId,
      });
      if (!data) return null;
      return {
        http: rc.response.http,
        body: { kind: 'single', singleResult: { data } },
      };
    },
  };
  return { requestDidStart: () => Promise.resolve(listener) };
}
