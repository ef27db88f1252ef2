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
import type { Reads, ServiceContext } from '../../common/context';
import { PERMISSIONS, type Viewer } from '../../common/viewer';
import { queryBounded } from '../../db/prepared';
import { type CompiledOperation, type CompiledRoot, compileOperation } from './compile';
import { type Selected, conditionVariables } from './selection';
import { type Run, resolveStatement } from './sql-builder';

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
  /** The gateway's schedules (expirySchedule answers from them), as the request contexts have them. */
  schedules?: ServiceContext['schedules'];
  /** Named statements kept per connection (least recently used DEALLOCATEd); MAX_PREPARED_PER_CONNECTION by default. */
  maxPreparedPerConnection?: number;
  /** Where analysts' reads go (a fresh replica, else the primary), as the resolvers send them. */
  reads?: Reads;
}

/** The root fields the resolvers answer from `reads` (ledger/charge-history): the same here. */
const ANALYSTS_ROOTS = new Set(['charges', 'chargeSummary']);

export const MAX_PREPARED_PER_CONNECTION = 100;

/** Who asks, and at which instant: all a compiled read needs of the request context. */
export interface ReadRequest {
  now: Date;
  /** The PARTNER key whose accounts are visible; null for every other role. */
  scopeKeyId: string | null;
  scoped: boolean;
  viewer: Viewer;
  requestId: string;
  /** Told when a compiled statement failed (the resolvers answer instead; they are not to try it again). */
  failed?: () => void;
}

/** The compiled answers of an operation's root fields: JSON text, or null where the resolvers answer. */
export interface RootAnswers {
  roots: Selected[];
  texts: (string | null)[];
}

/**
 * A root field for one request: a statement (its text and values), an
 * answer already known (a constant, or computed in Node from policy/ data),
 * or null where the resolvers answer it.
 */
type Prepared =
  | { kind: 'sql'; root: Extract<CompiledRoot, { sql: string }>; sql: string; values: unknown[] }
  | { kind: 'text'; text: string }
  | null;

/** Plans kept per operation node (one per scope and @include/@skip values); past this, the oldest go. */
const MAX_PLANS_PER_OPERATION = 16;

/**
 * Compiles operations (once per operation node, scope and directive
 * values) and runs them: one statement per compiled root field.
 */
export function compiledReadsExecutor(opts: CompiledReadsOptions) {
  const { ds, log, preparedStatements } = opts;
  const maxPrepared = opts.maxPreparedPerConnection ?? MAX_PREPARED_PER_CONNECTION;
  const plans = new WeakMap<OperationDefinitionNode, Map<string, CompiledOperation | null>>();
  const poolOf = (source: DataSource): Pool =>
    (source.driver as unknown as { master: Pool }).master;

  function planFor(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    scoped: boolean,
    vars: Record<string, unknown>,
  ): CompiledOperation | null {
    let byKey = plans.get(operation);
    if (!byKey) plans.set(operation, (byKey = new Map<string, CompiledOperation | null>()));
    const key = `${scoped ? 1 : 0}${conditionVariables(document)
      .map((v) => (vars[v] === true ? 1 : vars[v] === false ? 0 : 2))
      .join('')}`;
    let plan = byKey.get(key);
    if (plan === undefined) {
      plan = compileOperation(schema, document, operation, scoped, vars);
      if (byKey.size >= MAX_PLANS_PER_OPERATION) byKey.delete(byKey.keys().next().value!);
      byKey.set(key, plan);
    }
    return plan;
  }

  /** The plan and, per root, its placeholder values (null: not compiled, or an argument the resolvers refuse). */
  function prepare(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | null | undefined,
    req: ReadRequest,
  ) {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
    if (coerced.errors) return null;
    const vars = coerced.coerced;
    const plan = planFor(schema, document, operation, req.scoped, vars);
    if (!plan) return null;
    const argsSeen = new Map<FieldNode, Record<string, unknown>>();
    const r: Run = {
      now: req.now,
      scopeKeyId: req.scopeKeyId,
      viewer: req.viewer,
      schedules: opts.schedules,
      args(node: FieldNode, def: GraphQLField<unknown, unknown>) {
        let a = argsSeen.get(node);
        if (!a) argsSeen.set(node, (a = getArgumentValues(def, node, vars)));
        return a;
      },
    };
    // Argument checks live in the slots and dynamic pieces: one that throws
    // means the resolvers answer that root field (with the contract's error);
    // so does a role without the field's permission.
    const values = plan.compiled.map((root): Prepared => {
      if (!root) return null;
      if ('constant' in root) return { kind: 'text', text: JSON.stringify(root.constant) };
      if (root.requires && !PERMISSIONS[req.viewer.role].includes(root.requires)) return null;
      try {
        if ('compute' in root) return { kind: 'text', text: root.compute(r) };
        const { sql, values } = resolveStatement(root.sql, root.slots, root.dynamics, r);
        return { kind: 'sql', root, sql, values };
      } catch {
        return null;
      }
    });
    return { plan, values };
  }

  // How often each statement ran: a document seen once is sent unnamed, so
  // one-off documents never take a prepared statement's place. Per root, by
  // text (a root with dynamic pieces has a few texts).
  const runs = new WeakMap<object, Map<string, number>>();
  const MAX_TEXTS_PER_ROOT = 32;

  async function statement(
    root: object,
    sql: string,
    values: unknown[],
    source: DataSource,
  ): Promise<string> {
    const pool = () => poolOf(source);
    source.logger.logQuery(sql, values);
    let byText = runs.get(root);
    if (!byText) runs.set(root, (byText = new Map<string, number>()));
    const n = (byText.get(sql) ?? 0) + 1;
    if (n === 1 && byText.size >= MAX_TEXTS_PER_ROOT) byText.clear();
    byText.set(sql, n);
    if (!preparedStatements || n < 2) {
      const res = await pool().query<{ v: string }>({ text: sql, values });
      return res.rows[0]?.v ?? 'null';
    }
    const client = await pool().connect();
    try {
      const rows = await queryBounded<{ v: string }>(client, sql, values, maxPrepared);
      return rows[0]?.v ?? 'null';
    } finally {
      client.release();
    }
  }

  async function answers(
    plan: CompiledOperation,
    values: Prepared[],
    req: ReadRequest,
  ): Promise<RootAnswers> {
    let failed = false;
    const texts = await Promise.all(
      values.map(async (p, i) => {
        if (!p) return null;
        if (p.kind === 'text') return p.text;
        try {
          const text =
            opts.reads && ANALYSTS_ROOTS.has(plan.roots[i]!.name)
              ? await opts.reads.run((source) => statement(p.root, p.sql, p.values, source))
              : await statement(p.root, p.sql, p.values, ds);
          // The resolvers' error (this request's whole answer is theirs, once).
          if (text === 'null' && p.root.nullIsError) {
            failed = true;
            return null;
          }
          return text;
        } catch (err) {
          // The resolvers answer this field and report whatever is wrong their way.
          failed = true;
          log.warn({ err, requestId: req.requestId }, 'compiled read failed; using resolvers');
          return null;
        }
      }),
    );
    if (failed) req.failed?.();
    return { roots: plan.roots, texts };
  }

  /**
   * Each root field's compiled answer, or null for those the resolvers must
   * answer; null when no root field is compiled.
   */
  async function runRoots(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | null | undefined,
    req: ReadRequest,
  ): Promise<RootAnswers | null> {
    const p = prepare(schema, document, operation, variables, req);
    if (!p || p.values.every((v) => !v)) return null;
    return answers(p.plan, p.values, req);
  }

  /**
   * The operation's `data` as JSON text, spliced from what Postgres built
   * (no parse and re-serialise in Node), or null unless every root field is
   * compiled and answered. Nothing is sent to Postgres unless all are compiled.
   */
  async function runText(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | null | undefined,
    req: ReadRequest,
  ): Promise<string | null> {
    const p = prepare(schema, document, operation, variables, req);
    if (!p) return null;
    if (p.values.some((v) => !v)) return null;
    const { roots, texts } = await answers(p.plan, p.values, req);
    if (texts.some((t) => t === null)) return null;
    // Root fields in the order they were selected; response keys are GraphQL names.
    return `{${roots.map((root, i) => `"${root.key}":${texts[i]}`).join(',')}}`;
  }

  /** The operation's `data` as an object, for Apollo's own response. */
  async function run(...args: Parameters<typeof runText>): Promise<Record<string, unknown> | null> {
    const text = await runText(...args);
    return text === null ? null : (JSON.parse(text) as Record<string, unknown>);
  }

  return { run, runText, runRoots };
}

export type CompiledReadsExecutor = ReturnType<typeof compiledReadsExecutor>;
