import path from 'node:path';
import { z } from 'zod';
import type { PortalSettings } from './common/context';
import type { SessionSettings } from './db/session-settings';
import { type Schedules, validCron } from './jobs/schedule';

/** A per-key request budget: `points` requests per `seconds`. */
export interface RateLimit {
  points: number;
  seconds: number;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, sec: 1, min: 60, m: 60, h: 3600, hour: 3600 };

const cronPattern = z
  .string()
  .refine(validCron, 'a cron pattern of five fields, like 0 * * * * (hourly)');

const rateLimit = z
  .string()
  .regex(/^(off|\d{1,9}\/(s|sec|m|min|h|hour))$/, 'like 600/min, 20/s, 36000/h or off')
  .transform((v): RateLimit | null => {
    if (v === 'off') return null;
    const [points, unit] = v.split('/') as [string, string];
    return { points: Number(points), seconds: UNIT_SECONDS[unit]! };
  });

// Every environment variable the gateway reads, parsed once at start-up.
// A bad value stops the process with a message naming the variable, rather
// than surfacing later as a confusing runtime error.
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** Direct to Postgres, for migrations and anything needing a session (not PgBouncer). */
  DATABASE_DIRECT_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** A read replica for analysts' reads (charges, chargeSummary, exports). */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** Replay lag past which analysts' reads go to the primary instead. */
  DATABASE_READ_MAX_LAG_MS: z.coerce.number().int().min(0).default(30_000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1).default(30_000),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(1).default(60_000),
  GATEWAY_ADMIN_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  /** `production` keeps logs as JSON lines even on a terminal. */
  NODE_ENV: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Folder of the built dashboard; served from the gateway's own port when it exists. */
  WEB_DIST: z.string().optional(),
  /** Where the embedded Postgres keeps its data when DATABASE_URL is unset. */
  EMBEDDED_PG_DIR: z.string().optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Connections per server process. */
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /** Largest accepted request body. */
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'like 100kb or 1mb')
    .default('100kb'),
  /** A request's headers and body must arrive within this, or it is cut off (408) before its key is checked. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(30_000),
  /** CSV exports at once per process; one key may hold EXPORTS_PER_KEY of them, partners together all but one. */
  EXPORT_SLOTS: z.coerce.number().int().min(2).max(100).default(4),
  EXPORTS_PER_KEY: z.coerce.number().int().min(1).max(99).default(2),
  /** An export whose reader takes less than this (bytes/s) over EXPORT_STALL_WINDOW_MS is cut off. */
  EXPORT_MIN_BYTES_PER_SECOND: z.coerce.number().int().min(1).default(16_384),
  EXPORT_STALL_WINDOW_MS: z.coerce.number().int().min(100).default(30_000),
  /** Bearer token for GET /metrics; unset: metrics are off (404). */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Requests per API key and window, by the key's role: `600/min`, `20/s`, `36000/h` or `off`. */
  RATE_LIMIT_ADMIN: rateLimit.prefault('off'),
  RATE_LIMIT_SPECIALIST: rateLimit.prefault('12000/min'),
  RATE_LIMIT_PARTNER: rateLimit.prefault('1200/min'),
  RATE_LIMIT_ANALYST: rateLimit.prefault('1200/min'),
  /** Per customer portal link. */
  RATE_LIMIT_CUSTOMER: rateLimit.prefault('300/min'),
  /** Where the counters live: `postgres` (shared by every gateway on the database) or `memory` (per process). */
  RATE_LIMIT_STORE: z.enum(['postgres', 'memory']).default('postgres'),
  /** Answer the hot read shapes with one compiled SQL statement per root field (graphql/compiled-reads). */
  COMPILED_READS: z.enum(['on', 'off']).default('on'),
  /** Named prepared statements for compiled reads; off behind PgBouncer in transaction mode. */
  DB_PREPARED_STATEMENTS: z.enum(['on', 'off']).optional(),
  /** Outbound e-mail (statements). Unset: a local mailbox of .eml files (MAIL_DIR). An authenticated smtp:// URL requires STARTTLS unless it ends in ?tls=off. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Support credits <statements@localhost>'),
  MAIL_DIR: z.string().optional(),
  /** Development and tests only: webhook endpoints on http://localhost / 127.0.0.1. */
  WEBHOOK_ALLOW_LOCAL: z.enum(['true', 'false']).default('false'),
  /** The ports webhook URLs may name, comma-separated (loopback under WEBHOOK_ALLOW_LOCAL: any). */
  WEBHOOK_PORTS: z
    .string()
    .regex(/^\d{1,5}(,\d{1,5})*$/, 'port numbers, comma-separated, like 443,80')
    .default('443,80')
    .transform((v) => [...new Set(v.split(',').map(Number))])
    .refine((ports) => ports.every((p) => p >= 1 && p <= 65535), 'ports are 1 to 65535'),
  /** Run the job worker inside the gateway process (statements, webhooks). */
  RUN_WORKER: z.enum(['true', 'false']).default('true'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(8),
  /** Webhook deliveries run on slots of their own, so no receiver can delay an e-mail. */
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  /** AES-256-GCM key for webhook secrets at rest: 32 bytes in base64 (`openssl rand -base64 32`). */
  WEBHOOK_SECRET_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional(),
  /** After rotateWebhookSecret the old secret still signs (beside the new) this long. */
  WEBHOOK_SECRET_OVERLAP_HOURS: z.coerce.number().min(0).max(720).default(24),
  /** How many webhook endpoints one API key may register. */
  WEBHOOK_ENDPOINTS_PER_KEY: z.coerce.number().int().min(1).max(1000).default(10),
  /** Scheduled work (cron patterns, UTC): expiry hourly, reconciliation nightly. */
  EXPIRY_SCHEDULE: cronPattern.default('0 * * * *'),
  RECONCILIATION_SCHEDULE: cronPattern.default('30 0 * * *'),
  /** Accounts without a threshold of their own are told when a charge takes them below this (0: never). */
  LOW_BALANCE_THRESHOLD: z.coerce.number().int().min(0).max(1_000_000).default(0),
  /** The base of the links e-mails and createPortalLink hand out (https://credits.example.com); default: the gateway's own URL. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .refine((v) => !/[?#]/.test(v), 'a base URL, without a query string or fragment')
    .optional()
    .transform((v) => v?.replace(/\/+$/, '')),
  /** How long a customer portal link works. */
  PORTAL_LINK_DAYS: z.coerce.number().int().min(1).max(366).default(30),
  /** Days before expiry that an account is told of its expiring credits. */
  EXPIRY_NOTICE_DAYS: z
    .string()
    .regex(/^\d{1,3}(,\d{1,3})*$/, 'whole days, comma-separated, like 30,7')
    .default('30,7')
    .transform((v) => [...new Set(v.split(',').map(Number))].filter((d) => d > 0)),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Defaults to databaseUrl. */
  databaseDirectUrl: string | undefined;
  databaseReadUrl: string | undefined;
  readMaxLagMs: number;
  session: SessionSettings;
  adminKey: string | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  nodeEnv: string | undefined;
  webDist: string;
  embeddedPgDir: string;
  embeddedPgPort: number;
  dbPoolSize: number;
  bodyLimit: string;
  requestTimeoutMs: number;
  exports: { slots: number; perKey: number; minBytesPerSecond: number; windowMs: number };
  metricsToken: string | undefined;
  /** By role; null: no limit for that role. */
  rateLimits: Record<'ADMIN' | 'SPECIALIST' | 'PARTNER' | 'ANALYST' | 'CUSTOMER', RateLimit | null>;
  rateLimitStore: 'postgres' | 'memory';
  compiledReads: boolean;
  dbPreparedStatements: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  mailDir: string;
  webhookAllowLocal: boolean;
  webhookPorts: number[];
  runWorker: boolean;
  workerConcurrency: number;
  webhookConcurrency: number;
  webhookEndpointsPerKey: number;
  /** Base64 of 32 bytes; unset only on an embedded start (one is kept with the data). */
  webhookSecretKey: string | undefined;
  webhookSecretOverlapMs: number;
  schedules: Schedules;
  lowBalanceThreshold: number;
  /** Customer portal links: their base URL (no trailing slash) and life. */
  portal: PortalSettings;
};

/** The URL a gateway listening on host:port is reached at, as it prints it on start. */
export function ownUrl(host: string, port: number): string {
  const name =
    host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset" (a common shell and compose habit).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.EXPORTS_PER_KEY >= e.EXPORT_SLOTS)
    throw new ConfigError(
      'Invalid configuration:\n  EXPORTS_PER_KEY: must be below EXPORT_SLOTS, so that one key cannot take every slot',
    );
  for (const name of ['DATABASE_DIRECT_URL', 'DATABASE_READ_URL'] as const) {
    if (e[name] && !e.DATABASE_URL)
      throw new ConfigError(`Invalid configuration:\n  ${name}: needs DATABASE_URL as well`);
  }
  // Only the embedded Postgres (no DATABASE_URL) makes and keeps a key of its own.
  if (e.DATABASE_URL && !e.WEBHOOK_SECRET_KEY)
    throw new ConfigError(
      'Invalid configuration:\n  WEBHOOK_SECRET_KEY: required with DATABASE_URL (32 bytes in base64: openssl rand -base64 32); it encrypts webhook secrets at rest',
    );
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseDirectUrl: e.DATABASE_DIRECT_URL ?? e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    readMaxLagMs: e.DATABASE_READ_MAX_LAG_MS,
    session: {
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    adminKey: e.GATEWAY_ADMIN_KEY,
    logLevel: e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
    webDist: e.WEB_DIST ?? path.join(repoRoot, 'packages', 'web', 'dist'),
    embeddedPgDir: e.EMBEDDED_PG_DIR ?? path.join(repoRoot, '.data', 'postgres'),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    dbPoolSize: e.DB_POOL_SIZE,
    bodyLimit: e.BODY_LIMIT,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    exports: {
      slots: e.EXPORT_SLOTS,
      perKey: e.EXPORTS_PER_KEY,
      minBytesPerSecond: e.EXPORT_MIN_BYTES_PER_SECOND,
      windowMs: e.EXPORT_STALL_WINDOW_MS,
    },
    metricsToken: e.METRICS_TOKEN,
    rateLimits: {
      ADMIN: e.RATE_LIMIT_ADMIN,
      SPECIALIST: e.RATE_LIMIT_SPECIALIST,
      PARTNER: e.RATE_LIMIT_PARTNER,
      ANALYST: e.RATE_LIMIT_ANALYST,
      CUSTOMER: e.RATE_LIMIT_CUSTOMER,
    },
    rateLimitStore: e.RATE_LIMIT_STORE,
    compiledReads: e.COMPILED_READS === 'on',
    // Named statements do not survive PgBouncer's transaction mode: off by
    // default when the pool goes through a pooler (a direct URL of its own).
    dbPreparedStatements:
      (e.DB_PREPARED_STATEMENTS ??
        (e.DATABASE_DIRECT_URL && e.DATABASE_DIRECT_URL !== e.DATABASE_URL ? 'off' : 'on')) ===
      'on',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailDir: e.MAIL_DIR ?? path.join(repoRoot, '.data', 'mail'),
    webhookAllowLocal: e.WEBHOOK_ALLOW_LOCAL === 'true',
    webhookPorts: e.WEBHOOK_PORTS,
    runWorker: e.RUN_WORKER === 'true',
    workerConcurrency: e.WORKER_CONCURRENCY,
    webhookConcurrency: e.WEBHOOK_CONCURRENCY,
    webhookEndpointsPerKey: e.WEBHOOK_ENDPOINTS_PER_KEY,
    webhookSecretKey: e.WEBHOOK_SECRET_KEY,
    webhookSecretOverlapMs: Math.round(e.WEBHOOK_SECRET_OVERLAP_HOURS * 3_600_000),
    schedules: {
      expiry: e.EXPIRY_SCHEDULE,
      reconciliation: e.RECONCILIATION_SCHEDULE,
      noticeDays: e.EXPIRY_NOTICE_DAYS,
    },
    lowBalanceThreshold: e.LOW_BALANCE_THRESHOLD,
    portal: {
      publicUrl: e.PUBLIC_URL ?? ownUrl(e.HOST, e.PORT),
      linkDays: e.PORTAL_LINK_DAYS,
    },
  };
}
