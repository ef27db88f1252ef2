import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { type DocumentNode, OperationTypeNode } from 'graphql';
import { READ_ROLES } from '../../common/viewer';
import type { RequestContext } from '../context';
import type { CompiledReadsExecutor, RootAnswers } from './executor';
import { withRootsOnly } from './selection';

/**
 * Answers the compiled root fields of a query (see compile.ts) with one SQL
 * statement each, before graphql-js executes anything. Apollo has parsed and
 * validated the document and built the context by then. When every root
 * field is compiled the answer is complete here; otherwise Apollo executes
 * an operation holding only the other root fields (its error formatting and
 * plugins as for any request), and the compiled answers are spliced into
 * its data in selection order. A role that may not read, a mutation, or a
 * request whose compiled read already failed runs through the resolvers.
 */
export function compiledReadsPlugin(
  executor: CompiledReadsExecutor,
): ApolloServerPlugin<RequestContext> {
  // What the compiled half of a split request answered, until the response is sent.
  const split = new WeakMap<RequestContext, RootAnswers>();
  // Stateless otherwise, so one listener serves every request.
  const listener: GraphQLRequestListener<RequestContext> = {
    async responseForOperation(rc) {
      const ctx = rc.contextValue;
      // No operation resolved (several and no operationName, an unknown one): Apollo's 400.
      if (!rc.operation || rc.operation.operation !== OperationTypeNode.QUERY) return null;
      if (!READ_ROLES.includes(ctx.viewer.role) || ctx.compiledReadsFailed) return null;
      const scoped = ctx.access.scoped;
      const answers = await executor.runRoots(
        rc.schema,
        rc.document,
        rc.operation,
        rc.request.variables,
        {
          now: ctx.now,
          scoped,
          scopeKeyId: scoped ? ctx.viewer.keyId : null,
          viewer: ctx.viewer,
          requestId: ctx.requestId,
        },
      );
      if (!answers) return null;
      const rest = answers.roots.filter((_, i) => answers.texts[i] === null);
      if (rest.length === 0) {
        const data: Record<string, unknown> = {};
        answers.roots.forEach((root, i) => {
          data[root.key] = JSON.parse(answers.texts[i]!) as unknown;
        });
        return { http: rc.response.http, body: { kind: 'single', singleResult: { data } } };
      }
      // Apollo executes `rc.document` next: only the root fields not answered here.
      const operation = rc.operation;
      const partial = withRootsOnly(operation, rest);
      (rc as { document: DocumentNode }).document = {
        ...rc.document,
        definitions: rc.document.definitions.map((d) => (d === operation ? partial : d)),
      };
      split.set(ctx, answers);
      return null;
    },

    willSendResponse(rc) {
      const answers = split.get(rc.contextValue);
      const body = rc.response.body;
      if (!answers || body.kind !== 'single') return Promise.resolve();
      const data = body.singleResult.data;
      // A null data (a non-null root field failed) stays null, as graphql-js propagates it.
      if (data) {
        const all: Record<string, unknown> = {};
        answers.roots.forEach((root, i) => {
          const text = answers.texts[i];
          all[root.key] = text == null ? data[root.key] : (JSON.parse(text) as unknown);
        });
        body.singleResult.data = all;
      }
      return Promise.resolve();
    },
  };
  return { requestDidStart: () => Promise.resolve(listener) };
}
