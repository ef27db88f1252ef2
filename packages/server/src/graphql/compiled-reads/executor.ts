import { createHash } from 'node:crypto';
import {
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  getArgumentValues,
  getVariableValues,
} from 'graphql';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
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

/** Who asks, and at which instant: all a compiled read needs of the request context. */
export interface ReadRequest {
  now: Date;
  /** The PARTNER key whose accounts are visible; null for every other role. */
  scopeKeyId: string | null;
  scoped: boolean;
  requestId: string;
}

/**
 * Compiles operations (once per operation node and scope) and runs them:
 * one statement per root field. `run` returns null whenever the regular
 * resolvers should answer instead.
 */
export function compiledReadsExecutor(opts: CompiledReadsOptions) {
  const { ds, log, preparedStatements } = opts;
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

  function planFor(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    scoped: boolean,
  ): CompiledOperation | null {
    let byScope = plans.get(operation);
    if (!byScope) plans.set(operation, (byScope = []));
    const i = scoped ? 1 : 0;
    if (byScope[i] === undefined)
      byScope[i] = compileOperation(schema, document, operation, scoped);
    return byScope[i];
  }

  async function run(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | null | undefined,
    req: ReadRequest,
  ): Promise<Record<string, unknown> | null> {
    const compiled = planFor(schema, document, operation, req.scoped);
    if (!compiled) return null;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
    if (coerced.errors) return null;
    const vars = coerced.coerced;
    const argsSeen = new Map<FieldNode, Record<string, unknown>>();
    const r: Run = {
      now: req.now,
      scopeKeyId: req.scopeKeyId,
      args(node: FieldNode, def: GraphQLField<unknown, unknown>) {
        let a = argsSeen.get(node);
        if (!a) argsSeen.set(node, (a = getArgumentValues(def, node, vars)));
        return a;
      },
    };
    // Argument checks live in the slots: one that throws means the
    // resolvers should answer (with the contract's error).
    const statements: { key: string; sql: string; values: unknown[] }[] = [];
    const data: Record<string, unknown> = {};
    try {
      for (const root of compiled) {
        if ('constant' in root) data[root.key] = root.constant;
        else
          statements.push({
            key: root.key,
            sql: root.sql,
            values: root.slots.map((slot) => slot(r)),
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
      log.warn({ err, requestId: req.requestId }, 'compiled read failed; using resolvers');
      return null;
    }
    // Root fields in the order they were selected.
    const ordered: Record<string, unknown> = {};
    for (const root of compiled) ordered[root.key] = data[root.key];
    return ordered;
  }

  return { run };
}

export type CompiledReadsExecutor = ReturnType<typeof compiledReadsExecutor>;
