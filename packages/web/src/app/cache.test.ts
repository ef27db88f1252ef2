// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type SelectionSetNode,
  TypeInfo,
  buildSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  parse,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import * as generated from '../gql/graphql';
import { createCache, nodesPagination, typePolicies } from './cache';

const schemaPath = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));
const schema = buildSchema(readFileSync(schemaPath, 'utf8'));

type Policies = Record<
  string,
  { fields?: Record<string, { merge?: unknown; keyArgs?: unknown }>; merge?: unknown }
>;
const policies = typePolicies as Policies;

/** Arguments that page through a list; every other argument selects a different list. */
const PAGE_ARGS = new Set(['first', 'after']);

/** Every operation the dashboard sends, as codegen compiled it from src/. */
const documents = Object.entries(generated).filter(
  (e): e is [string, DocumentNode] =>
    typeof e[1] === 'object' && e[1] !== null && 'kind' in e[1] && e[1].kind === Kind.DOCUMENT,
);

/** The response keys a selection set yields, through fragment spreads and inline fragments. */
function responseKeys(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
): Set<string> {
  const keys = new Set<string>();
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) keys.add(s.alias?.value ?? s.name.value);
    else if (s.kind === Kind.INLINE_FRAGMENT)
      for (const k of responseKeys(s.selectionSet, fragments)) keys.add(k);
    else {
      const f = fragments.get(s.name.value);
      if (f) for (const k of responseKeys(f.selectionSet, fragments)) keys.add(k);
    }
  }
  return keys;
}

describe('cache policies', () => {
  it('every field returning a *Connection has a pagination policy', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'Mutation') continue;
      for (const field of Object.values(type.getFields())) {
        if (!getNamedType(field.type).name.endsWith('Connection')) continue;
        if (!policies[type.name]?.fields?.[field.name]?.merge)
          missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("a paginated field's keyArgs are exactly its arguments other than first/after", () => {
    // A filter left out of keyArgs would merge two different lists into one.
    const wrong: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const policy = policies[type.name]?.fields?.[field.name];
        if (!getNamedType(field.type).name.endsWith('Connection') || !policy) continue;
        const selecting = field.args.map((a) => a.name).filter((a) => !PAGE_ARGS.has(a));
        const expected = selecting.length ? [...selecting].sort() : false;
        const actual = Array.isArray(policy.keyArgs)
          ? [...(policy.keyArgs as string[])].sort()
          : policy.keyArgs;
        if (JSON.stringify(actual) !== JSON.stringify(expected))
          wrong.push(
            `${type.name}.${field.name}: keyArgs ${JSON.stringify(actual)}, want ${JSON.stringify(expected)}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every type and field a policy names exists in the schema', () => {
    const stale: string[] = [];
    for (const [typeName, policy] of Object.entries(policies)) {
      const type = schema.getType(typeName);
      if (!type || !(isObjectType(type) || isInterfaceType(type))) {
        stale.push(typeName);
        continue;
      }
      for (const field of Object.keys(policy.fields ?? {}))
        if (!(field in type.getFields())) stale.push(`${typeName}.${field}`);
    }
    expect(stale).toEqual([]);
  });

  it('every selection of an object with an id selects its id, so the cache can normalize it', () => {
    expect(documents.length).toBeGreaterThan(5);
    const missing: string[] = [];
    for (const [name, doc] of documents) {
      const fragments = new Map(
        doc.definitions
          .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
          .map((d) => [d.name.value, d]),
      );
      const typeInfo = new TypeInfo(schema);
      const path: string[] = [];
      visit(
        doc,
        visitWithTypeInfo(typeInfo, {
          Field: {
            enter(node) {
              path.push(node.alias?.value ?? node.name.value);
              const type = typeInfo.getType();
              if (!node.selectionSet || !type) return;
              const named = getNamedType(type);
              if (!(isObjectType(named) || isInterfaceType(named))) return;
              if (!('id' in named.getFields())) return;
              if (!responseKeys(node.selectionSet, fragments).has('id'))
                missing.push(`${name}: ${path.join('.')} (${named.name})`);
            },
            leave() {
              path.pop();
            },
          },
        }),
      );
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
});
