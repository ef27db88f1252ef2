import { EventEmitter } from 'node:events';
import {
  Logger as WorkerLogger,
  type LogLevel,
  run,
  type Runner,
  type RunnerOptions,
  type TaskList,
} from 'graphile-worker';
import { type Client, Pool } from 'pg';
import type { Logger } from 'pino';
import type { PortalSettings } from '../common/context';
import { loadConfig } from '../config';
import { createMailer, type Mailer } from '../mail/mailer';
import { JOB_CHANNELS } from '../db/read-rules';
import { WorkerLiveness } from './liveness';
import { runnerRecoveries } from './metrics';
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
  /** Slots for messages (e-mails) and scheduled work (default: WORKER_CONCURRENCY's). */
  concurrency?: number;
  /** Slots for webhook deliveries, apart from the messages' (default: WEBHOOK_CONCURRENCY's). */
  webhookConcurrency?: number;
  /** How often to look for jobs due later (retries); new jobs arrive by LISTEN/NOTIFY at once. */
  pollIntervalMs?: number;
  mail: { smtpUrl?: string; from: string; mailDir: string; backoff?: Backoff };
  /** The portal link every customer e-mail carries: PUBLIC_URL and PORTAL_LINK_DAYS (their defaults when absent). */
  portal?: PortalSettings;
  webhooks: Partial<WebhookSettings> & Pick<WebhookSettings, 'allowLocal' | 'secrets'>;
  /** More tasks and a crontab (scheduled work) beside the outbound ones. */
  extraTasks?: TaskList;
  crontab?: string;
  /** How often dead workers' jobs are looked for, and how long a job must be locked to be suspect. */
  sweepEveryMs?: number;
  deadWorkerGraceMs?: number;
  /** On stop: how long jobs in hand may run before their calls are cut short (default 5 s). */
  shutdownAbortMs?: number;
  /** The pg Client class of the job pool (test/outbound-round-trips.test.ts counts with a subclass). */
  pgClient?: typeof Client;
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
  // What is not given defaults as the configuration does (config.ts).
  const defaults = loadConfig({});
  const concurrency = opts.concurrency ?? defaults.workerConcurrency;
  const webhookConcurrency = opts.webhookConcurrency ?? defaults.webhookConcurrency;
  const log = opts.log.child({ component: 'jobs' });
  // A task holds a client for one statement at a time (claim, record), never
  // across a send; plus each runner's claims, completions and LISTEN.
  // No bitmap scans on these sessions: graphile-worker's claim should walk
  // its index of waiting jobs in order and stop at the first it may take,
  // but with the churning jobs table's statistics stale the planner chose a
  // bitmap scan and a sort of every waiting job (auto_explain at 50% of the
  // peak: 40 such claims a second, median 467 buffers, 2-4 ms each). The
  // outbound tasks' own statements are key and index lookups; scheduled
  // work queries through a DataSource of its own (worker.ts).
  const pool = new Pool({
    connectionString: opts.databaseUrl,
    max: concurrency + webhookConcurrency + 4,
    application_name: 'credits-worker',
    options: '-c TimeZone=UTC -c enable_bitmapscan=off',
    ...(opts.pgClient && { Client: opts.pgClient }),
  });
  pool.on('error', (err) => log.error({ err }, 'job pool connection error'));
  const mailer: Mailer = createMailer({ ...opts.mail, connections: concurrency });
  const portal = opts.portal ?? defaults.portal;
  const liveness = new WorkerLiveness(
    opts.databaseUrl,
    log,
    opts.sweepEveryMs,
    opts.deadWorkerGraceMs,
  );
  await liveness.start();
  const messageTasks: TaskList = {
    [STATEMENT_MAIL]: statementMailTask({
      mailer,
      backoff: opts.mail.backoff ?? MAIL_BACKOFF,
      log,
      portal,
    }),
    [RECEIPT_MAIL]: receiptMailTask({
      mailer,
      backoff: opts.mail.backoff ?? MAIL_BACKOFF,
      log,
      portal,
    }),
    [EXPIRY_NOTICE_MAIL]: expiryNoticeMailTask({ mailer, log, portal }),
    [LOW_BALANCE_MAIL]: lowBalanceMailTask({ mailer, log, portal }),
    ...opts.extraTasks,
  };
  let stopping = false;
  // The endpoints whose queue one of this process's webhook runs holds.
  // Such a run sends the endpoint's new deliveries itself, and its worker
  // claims again as the job ends, so a new delivery's notification leaves
  // the idle slots asleep: each would make a claim that walks every waiting
  // job and finds nothing (docs/outbound.md).
  const heldEndpoints = new Set<string>();
  const webhookTasks: TaskList = {
    [WEBHOOK_DELIVERY]: webhookDeliveryTask({
      settings: {
        scheduleMs: WEBHOOK_SCHEDULE_MS,
        disableAfterMs: DISABLE_AFTER_MS,
        ...opts.webhooks,
      },
      log,
      stopping: () => stopping,
      held: heldEndpoints,
    }),
  };
  const common = {
    pgPool: pool,
    pollInterval: opts.pollIntervalMs ?? 2_000,
    noHandleSignals: true, // the process owns shutdown (main.ts / worker.ts)
    gracefulShutdownAbortTimeout: opts.shutdownAbortMs ?? 5_000,
    logger: workerLogger(log),
  };
  const runners: SupervisedRunner[] = [];
  try {
    for (const [name, options] of [
      [
        'messages',
        {
          concurrency,
          taskList: messageTasks,
          crontab: opts.crontab ?? '',
          // Only message jobs wake these slots (read-rules.ts addJobSql);
          // scheduled work's jobs, added by graphile-worker's cron with
          // "jobs:insert" alone, are found by the poll.
          listenChannel: JOB_CHANNELS.messages,
        },
      ],
      [
        'webhooks',
        {
          concurrency: webhookConcurrency,
          taskList: webhookTasks,
          crontab: '',
          // Only webhook deliveries wake these slots (read-rules.ts addJobSql).
          listenChannel: JOB_CHANNELS.webhooks,
          skipNudge: (endpointId: string) => heldEndpoints.has(endpointId),
        },
      ],
    ] as const) {
      const r = new SupervisedRunner(name, { ...common, ...options }, pool, liveness, log);
      await r.start();
      runners.push(r);
    }
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
      stopping = true;
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

/**
 * A graphile-worker runner that heals. graphile-worker 0.16 gives up a
 * worker whose job it cannot release (the database refused the completion:
 * "committing seppuku"): the job stays locked by a process that keeps
 * running, and the pool never replaces the worker, so the slot is lost for
 * good. Here, once Postgres answers again, the lost workers' jobs are freed
 * (they run again; their tasks are idempotent), the workers are dead to
 * the other claimants (their claims on messages and deliveries are taken
 * over at once) and the runner is replaced by a fresh one with every slot.
 */
class SupervisedRunner {
  private runner: Runner | null = null;
  private readonly lost = new Set<string>();
  private healing: Promise<void> | null = null;
  private stopping = false;
  private readonly done: { resolve: () => void; reject: (e: unknown) => void };
  readonly promise: Promise<void>;

  constructor(
    private readonly name: string,
    private readonly options: RunnerOptions,
    private readonly pool: Pool,
    private readonly liveness: WorkerLiveness,
    private readonly log: Logger,
  ) {
    let done!: SupervisedRunner['done'];
    this.promise = new Promise<void>((resolve, reject) => (done = { resolve, reject }));
    this.done = done;
  }

  async start(): Promise<void> {
    const events = new EventEmitter();
    events.on('worker:create', ({ worker }: { worker: { workerId: string } }) =>
      this.liveness.claim(worker.workerId),
    );
    events.on('worker:fatalError', ({ worker }: { worker: { workerId: string } }) => {
      this.lost.add(worker.workerId);
      this.heal();
    });
    const runner = await run({ ...this.options, events });
    this.runner = runner;
    runner.promise.then(
      () => {
        if (this.stopping) this.done.resolve();
      },
      (err: unknown) => {
        if (this.runner === runner && !this.healing) this.done.reject(err);
      },
    );
  }

  private heal(): void {
    if (this.healing || this.stopping) return;
    this.healing = (async () => {
      for (;;) {
        if (this.stopping) return;
        try {
          await this.pool.query('SELECT 1');
          break;
        } catch {
          await new Promise((r) => setTimeout(r, 500));
        }
      }
      const ids = [...this.lost];
      this.lost.clear();
      await this.liveness.forget(ids);
      await this.pool.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [ids]);
      const old = this.runner;
      await old?.stop().catch(() => undefined);
      if (this.stopping) return;
      await this.start();
      runnerRecoveries.inc({ runner: this.name });
      this.log.warn(
        { runner: this.name, workers: ids },
        'job runner restarted: jobs its workers could not release while the database was away are free again',
      );
    })()
      .catch((err: unknown) =>
        this.log.error({ err, runner: this.name }, 'job runner recovery failed'),
      )
      .finally(() => {
        this.healing = null;
        if (this.lost.size) this.heal();
      });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.healing;
    await this.runner?.stop();
    this.done.resolve();
  }
}
