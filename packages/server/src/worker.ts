import 'reflect-metadata';
import pino from 'pino';
import { ConfigError, loadConfig } from './config';
import { allowWebhookPorts } from './webhooks/url-guard';
import { createDataSource, migrate } from './db/data-source';
import { startJobRunner } from './jobs/runner';
import { workerOptions } from './worker-options';
import {
  resolveWebhookSecretKey,
  SecretBox,
  parseSecretKey,
  sealPlainSecrets,
} from './webhooks/secret-box';

// The job worker alone (`pnpm worker`, a second compose service): any number
// may run beside any number of gateways on one database.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  allowWebhookPorts(config.webhookPorts);
  const log = pino({ level: config.logLevel });
  // Without DATABASE_URL: the embedded Postgres a local `pnpm start` runs.
  // The worker LISTENs and holds session advisory locks: it needs a session,
  // so it connects directly (DATABASE_DIRECT_URL), never through PgBouncer.
  const databaseUrl =
    config.databaseDirectUrl ??
    config.databaseUrl ??
    `postgres://postgres:postgres@127.0.0.1:${config.embeddedPgPort}/postgres`;

  const ds = createDataSource(databaseUrl, { poolSize: 2 });
  await ds.initialize();
  await migrate(ds);
  const webhookSecretKey = resolveWebhookSecretKey(config);
  const box = new SecretBox(parseSecretKey(webhookSecretKey));
  await ds.transaction((tx) => sealPlainSecrets((sql, p) => tx.query(sql, p), box));
  config = { ...config, webhookSecretKey };

  // The scheduled jobs (expiry, reconciliation) run their services on ds.
  const jobs = await startJobRunner(workerOptions(config, databaseUrl, log, ds));
  log.info({ concurrency: config.workerConcurrency }, 'job worker started');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker shutting down: finishing the jobs in hand');
    try {
      await jobs.stop();
      await ds.destroy();
    } catch (err) {
      log.error({ err }, 'error while shutting down');
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  jobs.promise.catch((err: unknown) => {
    log.fatal({ err }, 'job runner stopped');
    process.exit(1);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
