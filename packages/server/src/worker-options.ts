import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { JobRunnerOptions } from './jobs/runner';
import { crontab } from './jobs/schedule';
import { scheduledTasks } from './jobs/tasks/scheduled';
import { SecretBox, parseSecretKey } from './webhooks/secret-box';

/**
 * The job runner's settings from the configuration (gateway and worker alike);
 * the scheduled jobs (expiry, reconciliation) run their services on `ds`.
 * `config.webhookSecretKey` must be resolved (resolveWebhookSecretKey) first.
 */
export function workerOptions(
  config: Config,
  databaseUrl: string,
  log: Logger,
  ds: DataSource,
): JobRunnerOptions {
  return {
    databaseUrl,
    log,
    concurrency: config.workerConcurrency,
    webhookConcurrency: config.webhookConcurrency,
    mail: { smtpUrl: config.smtpUrl, from: config.mailFrom, mailDir: config.mailDir },
    portal: config.portal,
    webhooks: {
      allowLocal: config.webhookAllowLocal,
      secrets: new SecretBox(parseSecretKey(config.webhookSecretKey ?? '')),
    },
    extraTasks: scheduledTasks(ds, log, config.schedules.noticeDays),
    crontab: crontab(config.schedules),
  };
}
