import 'reflect-metadata';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import type { GraphQLSchema } from 'graphql';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../src/common/clock';
import type { ErrorCode } from '../../src/common/errors';
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
import { WEBHOOK_SECRET_KEY } from './webhook-key';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';
export { WEBHOOK_SECRET_KEY };

/** Every code an error can carry: the closed set the schema serves as `ErrorCode`. */
export type ServedErrorCode = `${ErrorCode}`;

export interface GqlError {
  message: string;
  path?: (string | number)[];
  /** `code` always; then the figures the contract names for that code (`field`, `balance`, ...). */
  extensions: {
    code: ServedErrorCode;
    field?: string;
    /** On a masked INTERNAL_SERVER_ERROR: the id to find the log line by. */
    requestId?: string;
    [figure: string]: unknown;
  };
}

export interface GqlResult<T = unknown> {
  status: number;
  data: T | null;
  errors?: GqlError[];
}

/** A document from `graphql()` in test/gql: its text, result and variables types. */
export type Document<R, V> = DocumentTypeDecoration<R, V> & { toString: () => string };

/** Variables may be left out when the operation declares none it requires. */
type Args<V> =
  Record<string, never> extends V
    ? [variables?: V, key?: string | null]
    : [variables: V, key?: string | null];

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
  gql: Gql;
  ok: Ok;
  close: () => Promise<void>;
}

/** POST a document with the admin key (or `key`; null sends none). */
export interface Gql {
  /** A typed document: variables, data and errors typed. */
  <R, V>(doc: Document<R, V>, ...args: Args<V>): Promise<GqlResult<R>>;
  /** A document built at run time (sweeps over the schema): its data is not typed. */
  <T = unknown>(
    query: string,
    variables?: Record<string, unknown>,
    key?: string | null,
  ): Promise<GqlResult<T>>;
}

/** Like Gql, but throws on any error and returns the data: for setup steps. */
export interface Ok {
  <R, V>(doc: Document<R, V>, ...args: Args<V>): Promise<R>;
  <T = unknown>(
    query: string,
    variables?: Record<string, unknown>,
    key?: string | null,
  ): Promise<T>;
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
      webhookSecretKey: WEBHOOK_SECRET_KEY,
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

/** The `key` argument of gql/ok that presents a customer portal link's token. */
export const portalAuth = (token: string): string => `Portal ${token}`;

/** The token of a portal link URL (…/portal/<token>). */
export function portalToken(url: string): string {
  const m = /\/portal\/(cgp_[A-Za-z0-9_-]{43})$/.exec(url);
  if (!m) throw new Error(`not a portal link: ${url}`);
  return m[1]!;
}

/** The typed gql/ok pair of a TestGateway, over any gateway at `url` (for gateways a test builds itself). */
export function clientFor(url: string): Pick<TestGateway, 'gql' | 'ok'> {
  const gql = async <T>(
    query: string | Document<T, unknown>,
    variables: unknown = {},
    key: string | null = ADMIN_KEY,
  ): Promise<GqlResult<T>> => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // A bare key is an API key; "Portal <token>" (portalAuth) is sent as it is.
        ...(key ? { authorization: /\s/.test(key) ? key : `Bearer ${key}` } : {}),
      },
      body: JSON.stringify({ query: query.toString(), variables }),
    });
    // The gateway's answer, as the GraphQL over HTTP spec shapes it.
    const body = (await res.json()) as Omit<GqlResult<T>, 'status'>;
    return { status: res.status, data: body.data ?? null, errors: body.errors };
  };
  const ok = async <T>(
    query: string | Document<T, unknown>,
    variables: unknown = {},
    key: string | null = ADMIN_KEY,
  ): Promise<T> => {
    const r = await gql<T>(query, variables, key);
    if (r.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(r.errors)}`);
    if (r.data == null) throw new Error(`GraphQL answered no data (HTTP ${r.status})`);
    return r.data;
  };
  return { gql, ok };
}
