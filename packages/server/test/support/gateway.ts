import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/db/data-source';
import { QueryCounter } from '../../src/db/query-counter';
import { buildGatewaySchema } from '../../src/graphql/schema';
import { createGateway, type Gateway } from '../../src/http/app';
import { cloneTemplate, dropDatabase, urlFor } from './databases';
import { reconcile } from './reconcile';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export interface GqlResult<T = any> {
  status: number;
  data: T | null;
  errors?: { message: string; path?: string[]; extensions: Record<string, any> }[];
}

let schema: Promise<GraphQLSchema> | null = null;

/**
 * A real gateway on a random port over its own fresh database. close() checks
 * that the ledger reconciles, then drops the database.
 */
export interface TestGateway {
  url: string;
  /** The test database, for a job worker started by the test. */
  databaseUrl?: string;
  ds: DataSource;
  queries: QueryCounter;
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    key?: string | null,
  ): Promise<GqlResult<T>>;
  /** Like gql, but throws on any error: for setup steps. */
  ok<T = any>(query: string, variables?: Record<string, unknown>, key?: string | null): Promise<T>;
  close(): Promise<void>;
}

export async function startGateway(
  outbound: { webhookAllowLocal?: boolean; mailDir?: string } = {},
): Promise<TestGateway> {
  const database = await cloneTemplate();
  const queries = new QueryCounter();
  // Two test files run at once; 2 x 30 stays well inside Postgres' default 100 connections.
  const ds = createDataSource(urlFor(database), { logger: queries, poolSize: 30 });
  await ds.initialize();
  schema ??= buildGatewaySchema();
  const gateway: Gateway = await createGateway({
    ds,
    schema: await schema,
    config: {
      adminKey: ADMIN_KEY,
      bodyLimit: '100kb',
      webDist: '/nonexistent',
      webhookAllowLocal: outbound.webhookAllowLocal ?? true, // the test setting
      mailDir: outbound.mailDir,
    },
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  const url = await gateway.listen(0, '127.0.0.1');

  const gql = async <T>(
    query: string,
    variables: Record<string, unknown> = {},
    key: string | null = ADMIN_KEY,
  ) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Omit<GqlResult<T>, 'status'>;
    return { status: res.status, data: body.data ?? null, errors: body.errors };
  };
  const ok = async <T>(
    query: string,
    variables: Record<string, unknown> = {},
    key: string | null = ADMIN_KEY,
  ) => {
    const r = await gql<T>(query, variables, key);
    if (r.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(r.errors)}`);
    return r.data as T;
  };

  return {
    url,
    databaseUrl: urlFor(database),
    ds,
    queries,
    gql,
    ok,
    async close() {
      const problems = await reconcile(ds);
      await gateway.close();
      await ds.destroy();
      await dropDatabase(database);
      if (problems.length) throw new Error(`ledger does not reconcile:\n${problems.join('\n')}`);
    },
  };
}
