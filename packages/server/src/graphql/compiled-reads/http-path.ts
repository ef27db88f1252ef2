import type { NextFunction, Request, Response } from 'express';
import {
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  OperationTypeNode,
  type ValidationRule,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { READ_ROLES, type Viewer } from '../../common/viewer';
import { Role } from '../../policy/enums';
import type { CompiledReadsExecutor } from './executor';

/** Documents seen (valid queries) or refused (null), by operation name and text. */
const MAX_DOCUMENTS = 1000;

/**
 * The compiled reads without Apollo's request pipeline: a POST /graphql
 * whose query is a valid document (parsed and validated once, with the
 * server's own rules) that the compiler answers, from a caller who may
 * read, is answered here; everything else, and every error, goes on to
 * Apollo (next()). Mounted after the JSON body parser, so the request has
 * been through every middleware before it.
 */
export function compiledReadsHandler(opts: {
  executor: CompiledReadsExecutor;
  schema: GraphQLSchema;
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  viewerFor: (req: Request) => Promise<Viewer | null>;
  now: () => Date;
  requestId: () => string;
  /** Told of each request this path answered (the GraphQL metrics, which Apollo's plugin never sees here). */
  onAnswered?: (operationName: string | null, seconds: number) => void;
}) {
  const { executor, schema } = opts;
  const rules = [...specifiedRules, ...opts.validationRules];
  const documents = new Map<
    string,
    { document: DocumentNode; operation: OperationDefinitionNode } | null
  >();

  const documentFor = (query: string, operationName: string | null) => {
    const key = `${operationName ?? ''}\n${query}`;
    let entry = documents.get(key);
    if (entry === undefined) {
      entry = null;
      try {
        const document = parse(query, { maxTokens: opts.maxTokens });
        const operation = getOperationAST(document, operationName);
        if (
          operation?.operation === OperationTypeNode.QUERY &&
          validate(schema, document, rules).length === 0
        )
          entry = { document, operation };
      } catch {
        // A syntax error: Apollo reports it.
      }
      if (documents.size >= MAX_DOCUMENTS) documents.clear();
      documents.set(key, entry);
    }
    return entry;
  };

  /** Answers the request, or passes it on; resolves to the operation's name ('' when anonymous) once answered. */
  async function answer(req: Request, res: Response, next: NextFunction): Promise<string | void> {
    const body = req.body as { query?: unknown; variables?: unknown; operationName?: unknown };
    const { query, variables, operationName } = body;
    if (typeof query !== 'string' || 'extensions' in body) return next();
    if (operationName != null && typeof operationName !== 'string') return next();
    if (variables != null && (typeof variables !== 'object' || Array.isArray(variables)))
      return next();
    const doc = documentFor(query, operationName ?? null);
    if (!doc) return next();
    // A refused key (unknown, over its budget) is Apollo's to answer, with the same outcome.
    const viewer = await opts.viewerFor(req).catch(() => null);
    if (!viewer || !READ_ROLES.includes(viewer.role)) return next();
    const scoped = viewer.role === Role.PARTNER;
    const data = await executor.runText(
      schema,
      doc.document,
      doc.operation,
      variables as Record<string, unknown> | null,
      {
        now: opts.now(),
        scoped,
        scopeKeyId: scoped ? viewer.keyId : null,
        requestId: opts.requestId(),
      },
    );
    if (!data) return next();
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(`{"data":${data}}`);
    return doc.operation.name?.value ?? '';
  }

  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST' || !req.body || typeof req.body !== 'object') return next();
    const start = process.hrtime.bigint();
    answer(req, res, next)
      .then((name) => {
        if (typeof name === 'string')
          opts.onAnswered?.(name || null, Number(process.hrtime.bigint() - start) / 1e9);
      })
      .catch(next);
  };
}
