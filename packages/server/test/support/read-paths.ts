import { Writable } from 'node:stream';
import {
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  execute,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import pino from 'pino';
import type { ManualClock } from '../../src/common/clock';
import type { Viewer } from '../../src/common/viewer';
import { primaryOnly } from '../../src/db/read-replica';
import { type ContextDeps, requestContext } from '../../src/graphql/context';
import { compiledReadsExecutor } from '../../src/graphql/compiled-reads/executor';
import { formatErrorWith } from '../../src/graphql/format-error';
import { LIMITS } from '../../src/http/app';
import { DEFAULT_SCHEDULES } from '../../src/jobs/schedule';
import type { TestGateway } from './gateway';

// The two read paths side by side, in process, on one gateway's database:
// the compiled executor (graphql/compiled-reads) and graphql-js through the
// resolvers, each with a fresh context built as the gateway builds every
// request's (graphql/context.ts requestContext), for the same viewer at the
// same instant. Their answers are compared as JSON text: key order counts.

/** Where a document went, and what each path answered. */
export type Outcome =
  | { kind: 'invalid'; errors: string[] }
  /** The executor declined (returned null): the resolvers answer alone. */
  | { kind: 'notCompiled'; expected: string }
  /** The executor's SQL failed and it fell back (it logs a warning): its error. */
  | { kind: 'compiledFailed'; expected: string; error: string }
  | { kind: 'compared'; expected: string; actual: string };

export function readPaths(g: TestGateway, schema: GraphQLSchema, clock: ManualClock) {
  // The executor says "compiled read failed" when its statement fails; caught here per request.
  let failure: string | null = null;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      const line = JSON.parse(chunk.toString()) as { msg?: string; err?: { message?: string } };
      if (line.msg?.includes('compiled read failed')) failure = line.err?.message ?? line.msg;
      done();
    },
  });
  const log = pino({ level: 'warn' }, sink);
  const quiet = pino({ level: 'silent' });
  // Unnamed statements: thousands of distinct documents would each leave a
  // named one in every backend (the executor does not evict them yet).
  const executor = compiledReadsExecutor({
    ds: g.ds,
    log,
    preparedStatements: false,
    schedules: DEFAULT_SCHEDULES,
  });
  const deps: ContextDeps = {
    ds: g.ds,
    reads: primaryOnly(g.ds),
    log: quiet,
    clock,
    outbound: { webhookAllowLocal: true, mailDir: null },
    schedules: DEFAULT_SCHEDULES,
  };
  const formatError = formatErrorWith(quiet);
  let requests = 0;

  /** The resolvers' answer as the gateway's clients see it: data, and each error's code and path. */
  const answerText = (data: unknown, errors: readonly GraphQLError[] | undefined): string => {
    const codes = errors?.map((e) => {
      const code = (e.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR';
      const f = formatError(
        { message: e.message, path: e.path, locations: e.locations, extensions: { code } },
        e,
      );
      return { code: f.extensions?.code, path: f.path ?? null };
    });
    return JSON.stringify(codes?.length ? { data: data ?? null, errors: codes } : { data });
  };

  async function resolvers(
    document: DocumentNode,
    variables: Record<string, unknown>,
    viewer: Viewer,
    now: Date,
  ): Promise<string> {
    const ctx = requestContext(deps, viewer, `diff-${++requests}`, now);
    const r = await execute({ schema, document, contextValue: ctx, variableValues: variables });
    return answerText(r.data, r.errors);
  }

  async function compiled(
    document: DocumentNode,
    variables: Record<string, unknown>,
    viewer: Viewer,
    now: Date,
  ): Promise<string | null> {
    // As the Apollo plugin asks: the context's scope, the context's instant.
    const ctx = requestContext(deps, viewer, `diff-${++requests}`, now);
    const scoped = ctx.access.scoped;
    const data = await executor.run(schema, document, getOperationAST(document)!, variables, {
      now: ctx.now,
      scoped,
      scopeKeyId: scoped ? ctx.viewer.keyId : null,
      viewer: ctx.viewer,
      requestId: ctx.requestId,
    });
    return data === null ? null : JSON.stringify({ data });
  }

  /** Runs `query` through both paths as `viewer` at `now`. */
  async function compare(
    query: string,
    variables: Record<string, unknown>,
    viewer: Viewer,
    now: Date,
  ): Promise<Outcome> {
    const document = parse(query, { maxTokens: LIMITS.tokens });
    const invalid = validate(schema, document, specifiedRules);
    if (invalid.length) return { kind: 'invalid', errors: invalid.map((e) => e.message) };
    clock.set(now);
    failure = null;
    // Side by side: each path has its own context, so neither sees the other's loaders.
    const [actual, expected] = await Promise.all([
      compiled(document, variables, viewer, now),
      resolvers(document, variables, viewer, now),
    ]);
    const failed = failure as string | null;
    if (actual !== null) return { kind: 'compared', expected, actual };
    if (failed !== null) return { kind: 'compiledFailed', expected, error: failed };
    return { kind: 'notCompiled', expected };
  }

  return { compare, resolvers };
}
