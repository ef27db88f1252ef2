import { InMemoryCache, type FieldPolicy } from '@apollo/client';

interface Connection {
  nodes: readonly unknown[];
  pageInfo: unknown;
  totalCount: number;
}

/**
 * Cursor pagination over `{ nodes, pageInfo, totalCount }`: the first page
 * (no `after`) replaces what is cached, later pages append. `keyArgs` are the
 * arguments that select a different list (a filter, a search) rather than a page.
 */
export function nodesPagination(keyArgs: string[] | false): FieldPolicy<Connection> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      if (!existing || !args?.after) return incoming;
      return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
    },
  };
}

/**
 * Every field that returns a *Connection gets a policy here; cache.test.ts
 * walks the schema and fails when one is missing.
 */
export const typePolicies = {
  Query: {
    fields: {
      accounts: nodesPagination(['search']),
      charges: nodesPagination(['filter']),
      tickets: nodesPagination(['filter']),
      auditEvents: nodesPagination(['filter']),
      ticketCounts: { merge: false },
      chargeSummary: { merge: false },
    },
  },
  Ticket: { fields: { history: { merge: false } } },
  Charge: { fields: { allocations: { merge: false } } },
  Refund: { fields: { allocations: { merge: false } } },
  // A key's scope is replaced as a whole by updateApiKeyScope.
  ApiKey: { fields: { accounts: { merge: false } } },
  Account: {
    fields: {
      tickets: nodesPagination(['status']),
      charges: nodesPagination(false),
      ledger: nodesPagination(false),
      statements: nodesPagination(false),
      receipts: nodesPagination(false),
    },
  },
  // Objects without an id live inside their parent: replace them wholesale.
  PriceRange: { merge: true },
  Viewer: { merge: true },
  Pricing: { merge: true },
  TicketCounts: { merge: true },
  Quote: { merge: true },
  GrantPreview: { merge: true },
} as const;

export function createCache(): InMemoryCache {
  return new InMemoryCache({ typePolicies });
}
