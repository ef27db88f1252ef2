import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isListType,
  isCompositeType,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../common/errors';

/**
 * What a list without a `first` argument (an account's licenses, a
 * delivery's attempts, a key's webhook endpoints) is assumed to hold: the
 * data bounds it, not the query, and these lists are short in practice.
 */
export const UNPAGED_LIST_SIZE = 5;

// A field costs 1, plus what it contains; a paged field (one that takes
// `first`) contains its page size times its selection, `first` read after
// coercion: a literal, a variable or the schema's default alike. So
// `accounts(first: $n) { nodes { ledger(first: $n) { nodes { id } } } }`
// costs about n * n whatever way n arrives.
const pagedOrListed: ComplexityEstimator = ({ type: parent, field, args, childComplexity }) => {
  // Introspection is bounded by the schema, not by data (GraphiQL and codegen
  // send the full query); the depth and token limits still hold it.
  if (field.name.startsWith('__') || parent.name.startsWith('__')) return 0;
  const first: unknown = args.first;
  if (typeof first === 'number' && Number.isFinite(first)) {
    return 1 + Math.max(first, 1) * childComplexity;
  }
  const type = getNullableType(field.type);
  // A connection's `nodes` is the page its parent already priced.
  const isPage = parent.name.endsWith('Connection');
  if (!isPage && isListType(type) && isCompositeType(getNamedType(type))) {
    return 1 + UNPAGED_LIST_SIZE * childComplexity;
  }
  return 1 + childComplexity;
};

/**
 * The cost of running `operationName` of `document` with these variables.
 * Infinity for a document too large to price (graphql-query-complexity stops
 * after its node budget, a fragment bomb for example); null when the
 * variables do not coerce, which execution reports in its own words.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName: string | null | undefined,
): number | null {
  try {
    return getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      operationName: operationName ?? undefined,
      estimators: [pagedOrListed],
    });
  } catch (err) {
    if (err instanceof GraphQLError && /maximum allowed number of nodes/.test(err.message)) {
      return Infinity;
    }
    return null;
  }
}

/** The refusal, the same for a literal `first: 100` and a `$n` bound to 100. */
export function costRefusal(cost: number, limit: number): GraphQLError {
  return new GraphQLError(
    `The query's cost ${Number.isFinite(cost) ? cost : 'is unbounded and'} exceeds the limit of ${limit}: ` +
      'ask for smaller pages (first) or fewer nested lists.',
    {
      extensions: {
        code: ErrorCode.GRAPHQL_VALIDATION_FAILED,
        cost: Number.isFinite(cost) ? cost : null,
        limit,
        http: { status: 400 },
      },
    },
  );
}

/**
 * Refuses an operation costing more than `limit` before it runs, from the
 * coerced arguments (graphql validation rules never see variables).
 */
export function queryCostPlugin(limit: number): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, document, request, operationName }) {
          const cost = queryCost(schema, document, request.variables, operationName);
          if (cost !== null && cost > limit) return Promise.reject(costRefusal(cost, limit));
          return Promise.resolve();
        },
      });
    },
  };
}
