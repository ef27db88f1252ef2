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
import { RECEIPT_MAIL, receiptMailTask } from './tasks/receipt-mail';
import {
  DISABLE_AFTER_MS,
  WEBHOOK_DELIVERY,
  type WebhookSettings,
  webhookDeliveryTask,
} from './tasks/webhook-delivery';

export interface JobRunnerOptions {
  databaseUrl: string;
  log: Logger;
  concurrency?: number;
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

/** Starts graphile-worker with the outbound tasks (statement e-mail, webhook delivery). */
export async function startJobRunner(opts: JobRunnerOptions): Promise<JobRunner> {
  const concurrency = opts.concurrency ?? 4;
  const log = opts.log.child({ component: 'jobs' });
  // Tasks hold a client for a whole send (the row lock), plus the pool's own polling.
  const pool = new Pool({
    connectionString: opts.databaseUrl,
    max: concurrency * 2 + 2,
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

  const taskList: TaskList = {
    [STATEMENT_MAIL]: statementMailTask({
      mailer,
      backoff: opts.mail.backoff ?? MAIL_BACKOFF,
      log,
    }),
    [RECEIPT_MAIL]: receiptMailTask({ mailer, backoff: opts.mail.backoff ?? MAIL_BACKOFF, log }),
    [EXPIRY_NOTICE_MAIL]: expiryNoticeMailTask({ mailer, log }),
    [LOW_BALANCE_MAIL]: lowBalanceMailTask({ mailer, log }),
    [WEBHOOK_DELIVERY]: webhookDeliveryTask({
      settings: {
        scheduleMs: WEBHOOK_SCHEDULE_MS,
        disableAfterMs: DISABLE_AFTER_MS,
        ...opts.webhooks,
      },
      log,
    }),
    ...opts.extraTasks,
  };
  let runner: Runner;
  try {
    runner = await run({
      pgPool: pool,
      concurrency,
      pollInterval: opts.pollIntervalMs ?? 2_000,
      noHandleSignals: true, // the process owns shutdown (main.ts / worker.ts)
      gracefulShutdownAbortTimeout: opts.shutdownAbortMs ?? 5_000,
      taskList,
      crontab: opts.crontab ?? '',
      events,
      logger: workerLogger(log),
    });
  } catch (err) {
    await liveness.stop();
    mailer.close();
    await pool.end();
    throw err;
  }
  let stopped: Promise<void> | null = null;
  return {
    promise: runner.promise,
    stop() {
      stopped ??= (async () => {
        await runner.stop();
        await liveness.stop();
        mailer.close();
        await pool.end();
      })();
      return stopped;
    },
  };
}
