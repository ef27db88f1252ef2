import { EventEmitter } from 'node:events';
import {
  Logger as WorkerLogger,
  type LogLevel,
  run,
  type Runner,
  type TaskList,
} from 'graphile-worker';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { createMailer, type Mailer } from '../mail/mailer';
import { WorkerLiveness } from './liveness';
import { type Backoff, MAIL_BACKOFF, WEBHOOK_SCHEDULE_MS } from './retry';
import { EXPIRY_NOTICE_MAIL, expiryNoticeMailTask } from './tasks/expiry-notice-mail';
import { LOW_BALANCE_MAIL, lowBalanceMailTask } from './tasks/low-balance-mail';
import { STATEMENT_MAIL, statementMailTask } from './tasks/statement-mail';
import {
  DISABLE_AFTER_MS,
  WEBHOOK_DELIVERY,
  type WebhookSettings,
  webhookDeliveryTask,
} from './tasks/webhook-delivery';

export interface JobRunnerOptions {
  databaseUrl: string;
  log: Logger;
  /** Slots for messages (e-mails) and scheduled work. */
  concurrency?: number;
  /** Slots for webhook deliveries, apart from the messages' (default: as concurrency). */
  webhookConcurrency?: number;
  /** How often to look for jobs due later (retries); new jobs arrive by LISTEN/NOTIFY at once. */
  pollIntervalMs?: number;
  mail: { smtpUrl?: string; from: string; mailDir: string; backoff?: Backoff };
  webhooks: Partial<WebhookSettings> & { allowLocal: boolean };
  /** More tasks and a crontab (scheduled work) beside the outbound ones. */
  extraTasks?: TaskList;
  crontab?: string;
  /** How often dead workers' jobs are looked for, and how long a job must be locked to be suspect. */
  sweepEveryMs?: number;
  deadWorkerGraceMs?: number;
  /** On stop: how long jobs in hand may run before their calls are cut short (default 5 s). */
  shutdownAbortMs?: number;
}

export interface JobRunner {
  /** Graceful: finishes the jobs in hand (or releases them after a grace period). */
  stop: () => Promise<void>;
  /** Resolves when the runner stops on its own (an unrecoverable error). */
  promise: Promise<void>;
}

function workerLogger(log: Logger): WorkerLogger {
  const level = { error: 'error', warning: 'warn', info: 'debug', debug: 'trace' } as const;
  return new WorkerLogger(
    (scope) => (lvl: LogLevel, message: string, meta?: unknown) =>
      log[level[lvl]]({ ...scope, meta }, message),
  );
}

/**
 * Starts graphile-worker with the outbound tasks, as two runners over one
 * pool: messages (statement and notice e-mails, scheduled work) and webhook
 * deliveries, each with slots of its own. A runner only takes jobs of the
 * tasks it knows, so however long receivers make deliveries wait, the
 * e-mails' slots stay free.
 */
export async function startJobRunner(opts: JobRunnerOptions): Promise<JobRunner> {
  const concurrency = opts.concurrency ?? 4;
  const webhookConcurrency = opts.webhookConcurrency ?? concurrency;
  const log = opts.log.child({ component: 'jobs' });
  // Mail tasks hold a client for a whole send (the row lock); webhook tasks
  // only for their claim and record; plus each runner's own polling.
  const pool = new Pool({
    connectionString: opts.databaseUrl,
    max: concurrency * 2 + webhookConcurrency + 4,
    application_name: 'credits-worker',
    options: '-c TimeZone=UTC',
  });
  pool.on('error', (err) => log.error({ err }, 'job pool connection error'));
  const mailer: Mailer = createMailer(opts.mail);
  const liveness = new WorkerLiveness(
    opts.databaseUrl,
    log,
    opts.sweepEveryMs,
    opts.deadWorkerGraceMs,
  );
  await liveness.start();
  const events = new EventEmitter();
  events.on('worker:create', ({ worker }: { worker: { workerId: string } }) =>
    liveness.claim(worker.workerId),
  );

  const messageTasks: TaskList = {
    [STATEMENT_MAIL]: statementMailTask({
      mailer,
      backoff: opts.mail.backoff ?? MAIL_BACKOFF,
      log,
    }),
    [EXPIRY_NOTICE_MAIL]: expiryNoticeMailTask({ mailer, log }),
    [LOW_BALANCE_MAIL]: lowBalanceMailTask({ mailer, log }),
    ...opts.extraTasks,
  };
  const webhookTasks: TaskList = {
    [WEBHOOK_DELIVERY]: webhookDeliveryTask({
      settings: {
        scheduleMs: WEBHOOK_SCHEDULE_MS,
        disableAfterMs: DISABLE_AFTER_MS,
        ...opts.webhooks,
      },
      log,
    }),
  };
  const common = {
    pgPool: pool,
    pollInterval: opts.pollIntervalMs ?? 2_000,
    noHandleSignals: true, // the process owns shutdown (main.ts / worker.ts)
    gracefulShutdownAbortTimeout: opts.shutdownAbortMs ?? 5_000,
    events,
    logger: workerLogger(log),
  };
  const runners: Runner[] = [];
  try {
    runners.push(
      await run({
        ...common,
        concurrency,
        taskList: messageTasks,
        crontab: opts.crontab ?? '',
      }),
    );
    runners.push(
      await run({
        ...common,
        concurrency: webhookConcurrency,
        taskList: webhookTasks,
        crontab: '',
      }),
    );
  } catch (err) {
    await Promise.all(runners.map((r) => r.stop()));
    await liveness.stop();
    mailer.close();
    await pool.end();
    throw err;
  }
  let stopped: Promise<void> | null = null;
  return {
    promise: Promise.all(runners.map((r) => r.promise)).then(() => undefined),
    stop() {
      stopped ??= (async () => {
        await Promise.all(runners.map((r) => r.stop()));
        await liveness.stop();
        mailer.close();
        await pool.end();
      })();
      return stopped;
    },
  };
}
