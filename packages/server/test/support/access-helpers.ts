import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
} from 'graphql';
import { expect } from 'vitest';
import { graphql } from '../gql';
import {
  ADMIN_KEY,
  type Document,
  type GqlError,
  type GqlResult,
  type TestGateway,
} from './gateway';

// Helpers shared by the access, bad-input, dataloader and error tests.

export const SCHEMA_FILE = path.resolve(__dirname, '../../../schema/schema.graphql');

/** The schema as committed in packages/schema (read at collection time). */
export function schemaFromFile(): GraphQLSchema {
  return buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8'));
}

export interface RootFields {
  query: string[];
  mutation: string[];
}

export function rootFieldsOf(schema: GraphQLSchema): RootFields {
  return {
    query: Object.keys(schema.getQueryType()?.getFields() ?? {}).sort(),
    mutation: Object.keys(schema.getMutationType()?.getFields() ?? {}).sort(),
  };
}

/** Root fields of the schema the running gateway serves, by introspection. */
export async function servedRootFields(g: TestGateway): Promise<RootFields> {
  const d = await g.ok(
    graphql(`
      query ServedRootFields {
        __schema {
          queryType {
            fields {
              name
            }
          }
          mutationType {
            fields {
              name
            }
          }
        }
      }
    `),
  );
  return {
    query: (d.__schema.queryType.fields ?? []).map((f) => f.name).sort(),
    mutation: (d.__schema.mutationType?.fields ?? []).map((f) => f.name).sort(),
  };
}

/**
 * Every place a root field takes an ID: `field.arg` or `field.arg.inputField`
 * (recursively through input objects), for the malformed-id sweep.
 */
export function idArgumentPaths(schema: GraphQLSchema): string[] {
  const paths: string[] = [];
  const walk = (type: GraphQLInputType, at: string, seen: Set<string>) => {
    let t: GraphQLInputType = type;
    while (isNonNullType(t) || isListType(t)) t = (t as { ofType: GraphQLInputType }).ofType;
    const named: GraphQLNamedType = getNamedType(t);
    if (named.name === 'ID') {
      paths.push(at);
      return;
    }
    if (isInputObjectType(named) && !seen.has(named.name)) {
      const next = new Set(seen).add(named.name);
      for (const f of Object.values(named.getFields())) walk(f.type, `${at}.${f.name}`, next);
    }
  };
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      for (const arg of field.args) walk(arg.type, `${field.name}.${arg.name}`, new Set());
    }
  }
  return paths.sort();
}

export const randomId = (): string => randomUUID();

let seq = 0;
export const uniq = (p: string): string =>
  `${p}-${process.pid}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or null when it is not JSON. */
  json: unknown;
}

/** POST /graphql with any body (string or JSON value) and headers, without the harness's parsing. */
export async function postRaw(
  g: TestGateway,
  body: unknown,
  opts: { key?: string | null; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const key = opts.key === undefined ? ADMIN_KEY : opts.key;
  const res = await fetch(`${g.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(opts.headers ?? {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** A GraphQL answer as it comes over the wire. */
export interface GqlAnswer<R> {
  data?: R | null;
  errors?: GqlError[];
}

/**
 * A raw response's body read as a GraphQL answer (typed as `doc` says, when
 * given): it must be a JSON object, not an array, not text.
 */
export function answerOf<R = Record<string, unknown>>(
  r: RawResponse,
  _doc?: Document<R, never>,
): GqlAnswer<R> {
  expect(r.json, r.text).not.toBeNull();
  expect(typeof r.json, r.text).toBe('object');
  expect(Array.isArray(r.json), r.text).toBe(false);
  return r.json as GqlAnswer<R>;
}

/** The one error of a refused request, asserting its code. */
export function expectCode(r: GqlResult, code: string) {
  expect(r.errors, `expected ${code}, got ${JSON.stringify(r)}`).toBeDefined();
  const codes = r.errors!.map((e) => e.extensions?.code);
  expect(codes, JSON.stringify(r.errors)).toContain(code);
  return r.errors!.find((e) => e.extensions?.code === code)!;
}

/** BAD_USER_INPUT naming the field (exactly, or matching a pattern). */
export function expectBadInput(r: GqlResult, field?: string | RegExp) {
  expect(r.status, 'a malformed value is never a server error').toBeLessThan(500);
  const e = expectCode(r, 'BAD_USER_INPUT');
  expect(
    typeof e.extensions.field,
    `BAD_USER_INPUT must carry extensions.field: ${JSON.stringify(e)}`,
  ).toBe('string');
  expect(e.extensions.field?.length).toBeGreaterThan(0);
  if (typeof field === 'string') expect(e.extensions.field).toBe(field);
  else if (field) expect(e.extensions.field).toMatch(field);
  return e;
}

/** Data of a request that must have produced nothing: null or every root field null. */
export function expectNoData(r: GqlResult) {
  if (r.data == null) return;
  for (const v of Object.values(r.data as Record<string, unknown>)) expect(v).toBeNull();
}

const TABLES = [
  'accounts',
  'api_keys',
  'api_key_accounts',
  'portal_links',
  'licenses',
  'credit_lots',
  'ledger_entries',
  'tickets',
  'charges',
  'allocations',
  'refunds',
  'outbox',
  'audit_events',
];

/**
 * Everything a mutation could change, in one comparable value: row counts of
 * every table, credit sums, ticket statuses and revoked keys. Read straight
 * from the database (not through the API), so it costs no API statements.
 */
export async function fingerprint(g: TestGateway): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const t of TABLES) {
    const [row] = await g.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${t}`);
    out[t] = row!.n;
  }
  const [sums] = await g.ds.query<Record<string, number>[]>(
    `SELECT COALESCE(sum(remaining_credits), 0)::int AS remaining, COALESCE(sum(spent_credits), 0)::int AS spent,
            COALESCE(sum(expired_credits), 0)::int AS expired, COALESCE(sum(refunded_credits), 0)::int AS refunded
       FROM credit_lots`,
  );
  out.lots = sums;
  out.ticketStatuses = await g.ds.query(
    'SELECT status::text, count(*)::int AS n FROM tickets GROUP BY 1 ORDER BY 1',
  );
  const [keys] = await g.ds.query<{ revoked: number }[]>(
    'SELECT count(*) FILTER (WHERE revoked_at IS NOT NULL)::int AS revoked FROM api_keys',
  );
  out.revokedKeys = keys!.revoked;
  const [links] = await g.ds.query<{ revoked: number }[]>(
    'SELECT count(*) FILTER (WHERE revoked_at IS NOT NULL)::int AS revoked FROM portal_links',
  );
  out.revokedPortalLinks = links!.revoked;
  return out;
}

/** An account's balance and ledger size, as the API reports them. */
export async function accountFigures(g: TestGateway, accountId: string) {
  const d = await g.ok(
    graphql(`
      query AccountFigures($id: ID!) {
        account(id: $id) {
          balance
          ledger(first: 1) {
            totalCount
          }
          licenses {
            id
          }
          tickets(first: 1) {
            totalCount
          }
        }
      }
    `),
    { id: accountId },
  );
  return d.account;
}

/** Replaces every occurrence of the given ids, so two answers compare by shape. */
export function withoutIds(value: unknown, ids: string[]): unknown {
  let s = JSON.stringify(value);
  for (const id of ids) s = s.split(id).join('<ID>');
  return JSON.parse(s);
}
