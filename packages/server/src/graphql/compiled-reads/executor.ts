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
import { statementName } from '../../db/prepared';
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

  /**
   * The operation's `data` as JSON text, spliced from what Postgres built
   * (no parse and re-serialise in Node), or null for the resolvers.
   */
  async function runText(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | null | undefined,
    req: ReadRequest,
  ): Promise<string | null> {
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
    let values: (unknown[] | null)[];
    try {
      values = compiled.map((root) => ('sql' in root ? root.slots.map((slot) => slot(r)) : null));
    } catch {
      return null;
    }
    let texts: string[];
    try {
      texts = await Promise.all(
        compiled.map(async (root, i) => {
          if (!('sql' in root)) return JSON.stringify(root.constant);
          const v = values[i]!;
          ds.logger.logQuery(root.sql, v);
          const res = await pool().query<{ v: string }>(
            preparedStatements
              ? { name: statementName(root.sql), text: root.sql, values: v }
              : { text: root.sql, values: v },
          );
          return res.rows[0]?.v ?? 'null';
        }),
      );
    } catch (err) {
      // The resolvers try again and report whatever is wrong their way.
      log.warn({ err, requestId: req.requestId }, 'compiled read failed; using resolvers');
      return null;
    }
    // Root fields in the order they were selected; response keys are GraphQL names.
    return `{${compiled.map((root, i) => `"${root.key}":${texts[i]}`).join(',')}}`;
  }

  /** The operation's `data` as an object, for Apollo's own response. */
  async function run(...args: Parameters<typeof runText>): Promise<Record<string, unknown> | null> {
    const text = await runText(...args);
    return text === null ? null : (JSON.parse(text) as Record<string, unknown>);
  }

  return { run, runText };
}

export type CompiledReadsExecutor = ReturnType<typeof compiledReadsExecutor>;
