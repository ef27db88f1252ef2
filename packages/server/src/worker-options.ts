import type { Logger } from 'pino';
import type { Config } from './config';
import type { JobRunnerOptions } from './jobs/runner';

/** The job runner's settings from the configuration (gateway and worker alike). */
export function workerOptions(config: Config, databaseUrl: string, log: Logger): JobRunnerOptions {
  return {
    databaseUrl,
    log,
    concurrency: config.workerConcurrency,
    mail: { smtpUrl: config.smtpUrl, from: config.mailFrom, mailDir: config.mailDir },
    webhooks: { allowLocal: config.webhookAllowLocal },
  };
}
