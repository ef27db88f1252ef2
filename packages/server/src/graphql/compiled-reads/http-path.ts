import type { IncomingMessage, ServerResponse } from 'node:http';
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
import Negotiator from 'negotiator';
import { READ_ROLES, type Viewer, isScoped } from '../../common/viewer';
import { queryCost } from '../query-cost';
import type { CompiledReadsExecutor } from './executor';

const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';

/**
 * The media type Apollo answers a single result in (its
 * chooseContentTypeForSingleResultResponse), or null where Apollo answers
 * otherwise (a 406, the subscription callback type).
 */
export function responseType(accept: string | undefined): string | null {
  if (!accept) return JSON_TYPE;
  const preferred = new Negotiator({ headers: { accept } }).mediaType([
    JSON_TYPE,
    GRAPHQL_RESPONSE_TYPE,
    'application/json;callbackSpec=1.0; charset=utf-8',
  ]);
  return preferred === JSON_TYPE || preferred === GRAPHQL_RESPONSE_TYPE ? preferred : null;
}

/** Documents seen (valid queries) or refused (null), by operation name and text. */
const MAX_DOCUMENTS = 1000;

/**
 * The compiled reads without Apollo's request pipeline: a POST /graphql
 * whose query is a valid document (parsed and validated once, with the
 * server's own rules) that the compiler answers, from a caller who may
 * read, is answered here; for everything else, and every error, `answer`
 * resolves false and Apollo answers.
 */
export function compiledReadsAnswerer(opts: {
  executor: CompiledReadsExecutor;
  schema: GraphQLSchema;
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  /** Over it (with this request's variables), Apollo answers: it refuses. */
  maxCost: number;
  viewerFor: (req: IncomingMessage) => Promise<Viewer | null>;
  now: () => Date;
  requestId: () => string;
  /** Told when a compiled statement failed here: Apollo answers, without trying it again. */
  onFailed?: (req: IncomingMessage) => void;
  /** Told of each request answered here (Apollo's plugins never see those). */
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

  /** True when the request was answered here. */
  return async function answer(
    req: IncomingMessage,
    body: unknown,
    res: ServerResponse,
  ): Promise<boolean> {
    const start = process.hrtime.bigint();
    if (!body || typeof body !== 'object') return false;
    const { query, variables, operationName } = body as Record<string, unknown>;
    if (typeof query !== 'string' || 'extensions' in body) return false;
    if (operationName != null && typeof operationName !== 'string') return false;
    if (variables != null && (typeof variables !== 'object' || Array.isArray(variables)))
      return false;
    const type = responseType(req.headers.accept);
    if (!type) return false;
    const doc = documentFor(query, operationName ?? null);
    if (!doc) return false;
    const cost = queryCost(
      schema,
      doc.document,
      variables as Record<string, unknown> | null,
      operationName ?? null,
    );
    if (cost === null || cost > opts.maxCost) return false;
    // A refused key (unknown, over its budget) is Apollo's to answer, with the same outcome.
    const viewer = await opts.viewerFor(req).catch(() => null);
    if (!viewer || !READ_ROLES.includes(viewer.role)) return false;
    const scoped = isScoped(viewer.role);
    const data = await executor.runText(
      schema,
      doc.document,
      doc.operation,
      variables as Record<string, unknown> | null,
      {
        now: opts.now(),
        scoped,
        scopeKeyId: scoped ? viewer.keyId : null,
        viewer,
        requestId: opts.requestId(),
        failed: () => opts.onFailed?.(req),
      },
    );
    if (!data) return false;
    res.setHeader('content-type', type);
    res.end(`{"data":${data}}`);
    opts.onAnswered?.(
      doc.operation.name?.value ?? null,
      Number(process.hrtime.bigint() - start) / 1e9,
    );
    return true;
  };
}
