// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSchema, getNamedType, isObjectType, parse } from 'graphql';
import { createCache, nodesPagination, typePolicies } from './cache';

const schemaPath = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));

describe('cache policies', () => {
  it('every field returning a *Connection has a pagination policy', () => {
    const schema = buildSchema(readFileSync(schemaPath, 'utf8'));
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'Mutation') continue;
      for (const field of Object.values(type.getFields())) {
        if (!getNamedType(field.type).name.endsWith('Connection')) continue;
        const policies = (
          typePolicies as Record<string, { fields?: Record<string, { merge?: unknown }> }>
        )[type.name];
        if (!policies?.fields?.[field.name]?.merge) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('appends later pages and replaces on a first page', () => {
    const merge = nodesPagination(false).merge as unknown as (
      e: unknown,
      i: unknown,
      o: { args: Record<string, unknown> | null },
    ) => {
      nodes: number[];
    };
    const page = (nodes: number[]) => ({ nodes, pageInfo: {}, totalCount: 9 });
    expect(merge(page([1, 2]), page([3]), { args: { after: 'c2' } }).nodes).toEqual([1, 2, 3]);
    expect(merge(page([1, 2]), page([7]), { args: { after: null } }).nodes).toEqual([7]);
  });

  it("keeps an account's open-ticket count apart from its ticket list, and drops both on evict", () => {
    const cache = createCache();
    const query = parse(`
      query {
        account(id: "a1") {
          id
          openTickets: tickets(status: OPEN, first: 0) { totalCount }
          tickets(first: 20) { totalCount }
        }
      }
    `);
    cache.writeQuery({
      query,
      data: {
        account: {
          __typename: 'Account',
          id: 'a1',
          openTickets: { __typename: 'TicketConnection', totalCount: 3 },
          tickets: { __typename: 'TicketConnection', totalCount: 9 },
        },
      },
    });
    const stored = cache.extract()['Account:a1'] as Record<string, unknown>;
    expect(stored['tickets:{"status":"OPEN"}']).toEqual({
      __typename: 'TicketConnection',
      totalCount: 3,
    });
    expect(stored['tickets:{}']).toEqual({ __typename: 'TicketConnection', totalCount: 9 });

    // What a charge or refund does (use-ticket-mutations): every tickets entry goes.
    cache.evict({ id: cache.identify({ __typename: 'Account', id: 'a1' }), fieldName: 'tickets' });
    const after = cache.extract()['Account:a1'] as Record<string, unknown>;
    expect(Object.keys(after).filter((k) => k.startsWith('tickets'))).toEqual([]);
  });

  it('builds', () => {
    expect(createCache()).toBeDefined();
  });
});
