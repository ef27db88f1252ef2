import path from 'node:path';
import { z } from 'zod';

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
  GATEWAY_ADMIN_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
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
  /** Outbound e-mail (statements). Unset: a local mailbox of .eml files (MAIL_DIR). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Support credits <statements@localhost>'),
  MAIL_DIR: z.string().optional(),
  /** Development and tests only: webhook endpoints on http://localhost / 127.0.0.1. */
  WEBHOOK_ALLOW_LOCAL: z.enum(['true', 'false']).default('false'),
  /** Run the job worker inside the gateway process (statements, webhooks). */
  RUN_WORKER: z.enum(['true', 'false']).default('true'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  adminKey: string | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  webDist: string;
  embeddedPgDir: string;
  embeddedPgPort: number;
  dbPoolSize: number;
  bodyLimit: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  mailDir: string;
  webhookAllowLocal: boolean;
  runWorker: boolean;
  workerConcurrency: number;
};

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
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    adminKey: e.GATEWAY_ADMIN_KEY,
    logLevel: e.LOG_LEVEL,
    webDist: e.WEB_DIST ?? path.join(repoRoot, 'packages', 'web', 'dist'),
    embeddedPgDir: e.EMBEDDED_PG_DIR ?? path.join(repoRoot, '.data', 'postgres'),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    dbPoolSize: e.DB_POOL_SIZE,
    bodyLimit: e.BODY_LIMIT,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailDir: e.MAIL_DIR ?? path.join(repoRoot, '.data', 'mail'),
    webhookAllowLocal: e.WEBHOOK_ALLOW_LOCAL === 'true',
    runWorker: e.RUN_WORKER === 'true',
    workerConcurrency: e.WORKER_CONCURRENCY,
  };
}
