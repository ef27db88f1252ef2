import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';
import { allowWebhookPorts } from './webhooks/url-guard';
import { seedDemoData } from './db/demo-data';
import { createDataSource, migrate } from './db/data-source';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './db/embedded-postgres';
import { ReadReplica } from './db/read-replica';
import { missingSessionSettings } from './db/session-settings';
import { buildGatewaySchema } from './graphql/schema';
import { createGateway } from './http/app';
import { type JobRunner, startJobRunner } from './jobs/runner';
import { generateSecret } from './keys/secrets';
import { createLogger } from './logging';
import { workerOptions } from './worker-options';
import {
  resolveWebhookSecretKey,
  SecretBox,
  parseSecretKey,
  sealPlainSecrets,
} from './webhooks/secret-box';

// start: config -> database -> schema -> HTTP
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
  const log = createLogger(config);

  let embedded: EmbeddedPostgres | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.embeddedPgDir,
      port: config.embeddedPgPort,
      log,
    });
    databaseUrl = embedded.url;
    log.info({ dataDir: embedded.dataDir, port: embedded.port }, 'embedded postgres started');
  }

  // Migrations and the session settings need a session: a direct connection
  // (DATABASE_DIRECT_URL), never PgBouncer in transaction mode.
  const { session } = config;
  const direct = createDataSource(config.databaseDirectUrl ?? databaseUrl, {
    poolSize: 2,
    session,
  });
  await direct.initialize();
  const applied = await migrate(direct, { session });
  if (applied.length) log.info({ migrations: applied }, 'migrations applied');
  // Webhook secrets at rest: the key checked against the stored secrets, rows from before encryption sealed.
  config = { ...config, webhookSecretKey: resolveWebhookSecretKey(config) };
  const box = new SecretBox(parseSecretKey(config.webhookSecretKey));
  const sealed = await direct.transaction((tx) =>
    sealPlainSecrets((sql, p) => tx.query(sql, p), box),
  );
  if (sealed) log.info({ endpoints: sealed }, 'webhook secrets encrypted at rest');
  await direct.destroy();

  // The pool may be PgBouncer's: no startup options, the role defaults instead.
  const ds = createDataSource(databaseUrl, {
    poolSize: config.dbPoolSize,
    session,
    startupOptions: false,
  });
  await ds.initialize();
  const missing = await missingSessionSettings((sql, p) => ds.query(sql, p), session);
  if (missing.length)
    log.error(
      { missing },
      'pooled connections lack the session settings (a pooler holding connections from before they changed, or another role behind it)',
    );

  let reads: ReadReplica | null = null;
  if (config.databaseReadUrl) {
    const replica = createDataSource(config.databaseReadUrl, {
      poolSize: config.dbPoolSize,
      session,
      startupOptions: false, // a replica's role defaults come with the primary's catalog
    });
    reads = new ReadReplica(ds, replica, { maxLagMs: config.readMaxLagMs, log });
    await reads.start();
    log.info({ status: reads.status }, 'read replica configured');
  }

  let adminKey = config.adminKey;
  if (!adminKey && embedded) {
    // A newcomer's first start: keep one key per data dir, so it survives restarts.
    const keyFile = path.join(path.dirname(config.embeddedPgDir), 'admin-key');
    if (!fs.existsSync(keyFile))
      fs.writeFileSync(keyFile, generateSecret() + '\n', { mode: 0o600 });
    adminKey = fs.readFileSync(keyFile, 'utf8').trim();
  }
  if (embedded && (await seedDemoData(ds, log))) log.info('demo data written');
  // The default the ledger's low-balance triggers read (migration LowBalance).
  await ds.query('UPDATE low_balance_default SET threshold = $1', [config.lowBalanceThreshold]);

  // Statements and webhooks flow with no setup; RUN_WORKER=false leaves it to `pnpm worker`.
  let jobs: JobRunner | null = null;
  if (config.runWorker) {
    // graphile-worker LISTENs and its liveness check holds session advisory locks:
    // it needs a session, never PgBouncer in transaction mode.
    jobs = await startJobRunner(
      workerOptions(config, config.databaseDirectUrl ?? databaseUrl, log, ds),
    );
    log.info({ concurrency: config.workerConcurrency }, 'job worker started');
  }
  if (!config.smtpUrl)
    log.info({ mailDir: config.mailDir }, 'no SMTP_URL: e-mail goes to the local mailbox');

  const schema = await buildGatewaySchema();
  const gateway = await createGateway({
    ds,
    reads: reads ?? undefined,
    schema,
    config: { ...config, adminKey },
    log,
  });
  const url = await gateway.listen(config.port, config.host);
  log.info({ url }, 'gateway listening');
  const dashboard = fs.existsSync(path.join(config.webDist, 'index.html'));
  console.log(
    [
      '',
      `  Support-credit gateway: ${url}`,
      dashboard
        ? `  Dashboard:              ${url}/\n  API explorer:           ${url}/explorer`
        : '  Dashboard:              not built (run `pnpm build`)',
      `  GraphQL:                ${url}/graphql`,
    ].join('\n'),
  );
  if (adminKey && !config.adminKey) console.log(`  Admin key:              ${adminKey}`);
  else if (!adminKey)
    console.log('  No GATEWAY_ADMIN_KEY set: only API keys stored in the database work.');
  console.log('');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining requests');
    try {
      await gateway.close();
      log.debug('http drained');
      await reads?.stop();
      await jobs?.stop();
      await ds.destroy();
      log.debug('database pool closed');
      await embedded?.stop();
    } catch (err) {
      log.error({ err }, 'error while shutting down');
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
