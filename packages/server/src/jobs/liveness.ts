import { Client } from 'pg';
import type { Logger } from 'pino';

// graphile-worker 0.16 frees the jobs of a crashed worker only after 4 hours.
// So every worker holds a session advisory lock named after its id on a
// connection of its own; Postgres drops it the moment the process dies (even
// kill -9). The sweep finds jobs locked by a worker whose lock can be taken,
// so nobody holds it any more, and unlocks them for the living.

const NAMESPACE = 0x6a6f62; // "job"

/** Whether the worker still holds its liveness lock, asked on any session (not the holder's). */
export async function workerAlive(
  client: { query: Client['query'] },
  workerId: string,
): Promise<boolean> {
  const { rows } = await client.query<{ free: boolean }>(
    'SELECT pg_try_advisory_lock($1, hashtext($2)) AS free',
    [NAMESPACE, workerId],
  );
  if (!rows[0]?.free) return true;
  await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [NAMESPACE, workerId]);
  return false;
}

export class WorkerLiveness {
  private client: Client | null = null;
  private readonly own = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly log: Logger,
    private readonly sweepEveryMs = 5_000,
    /** A worker claims its lock right after it is created: only jobs locked longer are suspect. */
    private readonly graceMs = 10_000,
    private readonly reconnectMs = 1_000,
  ) {}

  async start(): Promise<void> {
    await this.connect();
    await this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.sweepEveryMs);
    this.timer.unref();
  }

  /**
   * One session holds this process' locks. When Postgres restarts the
   * session ends and the locks with it: reconnect (every reconnectMs until
   * it answers) and take them again before the next sweep, or other
   * processes would see our workers as dead, and our sweeps would fail forever.
   */
  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.connectionString,
      application_name: 'credits-worker-liveness',
    });
    client.on('error', (err) => this.log.error({ err }, 'worker liveness connection lost'));
    client.on('end', () => {
      if (this.client !== client) return;
      this.client = null;
      this.reconnectSoon();
    });
    await client.connect();
    this.client = client;
    await Promise.all([...this.own].map((id) => this.lock(id)));
  }

  private reconnecting: NodeJS.Timeout | null = null;
  private stopped = false;
  private reconnectSoon(): void {
    if (this.stopped || this.reconnecting) return;
    this.reconnecting = setTimeout(() => {
      this.reconnecting = null;
      this.connect().then(
        () => this.log.info('worker liveness connection restored'),
        () => this.reconnectSoon(),
      );
    }, this.reconnectMs);
    this.reconnecting.unref();
  }

  /** Called for each worker of this process as it is created. */
  claim(workerId: string): void {
    this.own.add(workerId);
    if (this.client) void this.lock(workerId);
  }

  /**
   * Workers this process gave up (their runner was replaced): they are dead
   * from now on, so a claim one of them held on a message or a delivery is
   * taken over at once (workerAlive) instead of when its lease ends.
   */
  forget(workerIds: string[]): Promise<void> {
    const gone = workerIds.filter((id) => this.own.delete(id));
    return this.serial(async () => {
      for (const id of gone)
        await this.client
          ?.query('SELECT pg_advisory_unlock($1, hashtext($2))', [NAMESPACE, id])
          .catch((err: unknown) =>
            this.log.error({ err, workerId: id }, 'worker liveness unlock failed'),
          );
    });
  }

  // One connection, one query at a time: claims and sweeps take turns.
  private queue: Promise<unknown> = Promise.resolve();
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private lock(workerId: string): Promise<void> {
    return this.serial(async () => {
      await this.client
        ?.query('SELECT pg_advisory_lock($1, hashtext($2))', [NAMESPACE, workerId])
        .catch((err: unknown) => this.log.error({ err, workerId }, 'worker liveness lock failed'));
    });
  }

  sweep(): Promise<void> {
    this.sweeping ??= this.serial(() => this.sweepOnce()).finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  private async sweepOnce(): Promise<void> {
    const c = this.client;
    if (!c) return;
    try {
      const { rows } = await c.query<{ locked_by: string }>(
        `SELECT DISTINCT locked_by FROM graphile_worker.jobs
          WHERE locked_by IS NOT NULL AND locked_at < now() - $1 * interval '1 millisecond'`,
        [this.graceMs],
      );
      const dead: string[] = [];
      for (const { locked_by: id } of rows) {
        if (this.own.has(id)) continue; // re-entrant: our own locks would always be "free"
        const { rows: got } = await c.query<{ free: boolean }>(
          'SELECT pg_try_advisory_lock($1, hashtext($2)) AS free',
          [NAMESPACE, id],
        );
        if (!got[0]?.free) continue;
        dead.push(id);
        await c.query('SELECT pg_advisory_unlock($1, hashtext($2))', [NAMESPACE, id]);
      }
      if (dead.length) {
        await c.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [dead]);
        this.log.warn({ workers: dead }, 'released the jobs of workers that died');
      }
    } catch (err) {
      this.log.error({ err }, 'worker liveness sweep failed');
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnecting) clearTimeout(this.reconnecting);
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }
}
