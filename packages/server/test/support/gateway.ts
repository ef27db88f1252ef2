import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../src/common/clock';
import { createDataSource } from '../../src/db/data-source';
import {
  DEFAULT_SESSION_SETTINGS,
  type SessionSettings,
  storeSessionSettings,
} from '../../src/db/session-settings';
import { QueryCounter } from '../../src/db/query-counter';
import { buildGatewaySchema } from '../../src/graphql/schema';
import { createGateway, type Gateway } from '../../src/http/app';
import { cloneTemplate, dropDatabase, urlFor, withAdmin } from './databases';
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

/**
 * The URL the gateway's pool uses: PgBouncer's when the run goes through it
 * (vitest.pgbouncer.config.mts sets TEST_PGBOUNCER_URL), else the server's.
 * Cloning, dropping and the session settings always go to the server directly.
 */
export function poolUrlFor(database: string): string {
  const bouncer = process.env.TEST_PGBOUNCER_URL;
  if (!bouncer) return urlFor(database);
  const url = new URL(bouncer);
  url.pathname = `/${database}`;
  return url.toString();
}

/** gql/ok over HTTP against a gateway at `url` (for gateways a test builds itself). */
export function clientFor(url: string): Pick<TestGateway, 'gql' | 'ok'> {
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

  return { gql, ok };
}

export async function startGateway(
  opts: {
    session?: SessionSettings;
    poolUrlFor?: (database: string) => string;
    /** Where the gateway takes its instants from; the database's clock by default. */
    clock?: Clock;
    config?: Partial<Parameters<typeof createGateway>[0]['config']>;
    /** Webhook endpoints on localhost are the test setting; false tests the SSRF guard. */
    webhookAllowLocal?: boolean;
    mailDir?: string;
  } = {},
): Promise<TestGateway> {
  const database = await cloneTemplate();
  const session = opts.session ?? DEFAULT_SESSION_SETTINGS;
  // As main.ts does: the settings are the role's defaults in the database, not startup options.
  await withAdmin((c) =>
    storeSessionSettings(
      async (sql, p) => (await c.query<Record<string, unknown>>(sql, p)).rows,
      database,
      session,
    ),
  );
  const queries = new QueryCounter();
  // Two test files run at once; 2 x 30 stays well inside Postgres' default 100 connections.
  const ds = createDataSource((opts.poolUrlFor ?? poolUrlFor)(database), {
    logger: queries,
    poolSize: 30,
    session,
    startupOptions: false,
  });
  await ds.initialize();
  schema ??= buildGatewaySchema();
  const gateway: Gateway = await createGateway({
    ds,
    schema: await schema,
    config: {
      adminKey: ADMIN_KEY,
      bodyLimit: '100kb',
      webDist: '/nonexistent',
      // As in production behind PgBouncer's transaction mode: no named statements.
      dbPreparedStatements: !process.env.TEST_PGBOUNCER_URL,
      webhookAllowLocal: opts.webhookAllowLocal ?? true,
      mailDir: opts.mailDir,
      ...opts.config,
    },
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    clock: opts.clock,
  });
  const url = await gateway.listen(0, '127.0.0.1');

  const { gql, ok } = clientFor(url);

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
