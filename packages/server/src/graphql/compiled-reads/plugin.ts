import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  type FieldNode,
  type GraphQLField,
  type OperationDefinitionNode,
  OperationTypeNode,
  getArgumentValues,
  getVariableValues,
} from 'graphql';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { READ_ROLES } from '../../common/viewer';
import type { RequestContext } from '../context';
import { type CompiledOperation, compileOperation } from './compile';
import type { Run } from './sql-builder';

export interface CompiledReadsOptions {
  ds: DataSource;
  log: Logger;
  /**
   * Send the compiled SQL as named prepared statements (parsed and planned
   * once per connection). Off behind a pooler that hands each transaction a
   * different server connection (PgBouncer transaction mode): unnamed
   * statements are used then.
   */
  preparedStatements: boolean;
}

/**
 * Answers the hot read shapes (see compile.ts) with one SQL statement per
 * root field, before graphql-js executes anything. Apollo has parsed and
 * validated the document and built the context by then; every request this
 * plugin does not answer (another shape, a variable or argument that would
 * be an error, a role that may not read) runs through the resolvers as
 * before, which also give the errors.
 */
export function compiledReadsPlugin(
  opts: CompiledReadsOptions,
): ApolloServerPlugin<RequestContext> {
  const { ds, log, preparedStatements } = opts;
  // Per operation node (Apollo keeps parsed documents in its cache) and scope.
  const plans = new WeakMap<OperationDefinitionNode, (CompiledOperation | null)[]>();
  const names = new Map<string, string>();
  const nameOf = (sql: string) => {
    let name = names.get(sql);
    if (!name) {
      name = `cr_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
      names.set(sql, name);
    }
    return name;
  };
  const pool = (): Pool => (ds.driver as unknown as { master: Pool }).master;

  return {
    requestDidStart() {
      return Promise.resolve({
        async responseForOperation(rc) {
          const ctx = rc.contextValue;
          if (
            rc.operation.operation !== OperationTypeNode.QUERY ||
            !READ_ROLES.includes(ctx.viewer.role)
          )
            return null;
          const scoped = ctx.access.scoped;
          let byScope = plans.get(rc.operation);
          if (!byScope) plans.set(rc.operation, (byScope = []));
          const i = scoped ? 1 : 0;
          if (byScope[i] === undefined)
            byScope[i] = compileOperation(rc.schema, rc.document, rc.operation, scoped);
          const compiled = byScope[i];
          if (!compiled) return null;

          const coerced = getVariableValues(
            rc.schema,
            rc.operation.variableDefinitions ?? [],
            rc.request.variables ?? {},
          );
          if (coerced.errors) return null;
          const vars = coerced.coerced;
          const argsSeen = new Map<FieldNode, Record<string, unknown>>();
          const run: Run = {
            now: ctx.now,
            scopeKeyId: scoped ? ctx.viewer.keyId : null,
            args(node: FieldNode, def: GraphQLField<unknown, unknown>) {
              let a = argsSeen.get(node);
              if (!a) argsSeen.set(node, (a = getArgumentValues(def, node, vars)));
              return a;
            },
          };
          // Argument checks live in the slots: one that throws means the
          // resolvers should answer (with the contract's error).
          let statements: { key: string; sql: string; values: unknown[] }[];
          const data: Record<string, unknown> = {};
          try {
            statements = [];
            for (const root of compiled) {
              if ('constant' in root) data[root.key] = root.constant;
              else
                statements.push({
                  key: root.key,
                  sql: root.sql,
                  values: root.slots.map((slot) => slot(run)),
                });
            }
          } catch {
            return null;
          }
          try {
            const results = await Promise.all(
              statements.map((s) => {
                ds.logger.logQuery(s.sql, s.values);
                return pool().query<{ v: unknown }>(
                  preparedStatements
                    ? { name: nameOf(s.sql), text: s.sql, values: s.values }
                    : { text: s.sql, values: s.values },
                );
              }),
            );
            statements.forEach((s, k) => (data[s.key] = results[k]!.rows[0]?.v ?? null));
          } catch (err) {
            // The resolvers try again and report whatever is wrong their way.
            log.warn({ err, requestId: ctx.requestId }, 'compiled read failed; using resolvers');
            return null;
          }
          // Root fields in the order they were selected.
          const ordered: Record<string, unknown> = {};
          for (const root of compiled) ordered[root.key] = data[root.key];
          return {
            http: rc.response.http,
            body: { kind: 'single', singleResult: { data: ordered } },
          };
        },
      });
    },
  };
}
