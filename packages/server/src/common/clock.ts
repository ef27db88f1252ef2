import type { DataSource, EntityManager } from 'typeorm';

/**
 * Where every instant comes from. Reads ask now() (no round trip); writes ask
 * lockedNow(tx) once their locks are held, or put sql() into a statement that
 * runs after the locks. In production it is the database's clock (DbClock);
 * tests use a ManualClock they move, so no test waits for time to pass.
 */
export interface Clock {
  now: () => Date;
  /** SQL for the write's instant, evaluated where it appears in a statement. */
  sql: () => string;
  /** Whether sql() is the same text every time, so a statement holding it can be prepared. */
  readonly sqlIsFixed: boolean;
  lockedNow: (tx: EntityManager) => Promise<Date>;
}

/** The statement DbClock measures its offset with, once a minute: no request's. */
export const CLOCK_SYNC_SQL = 'SELECT clock_timestamp() AS at -- clock sync';

/**
 * The database's clock, read without a round trip. Writes take their instant
 * from Postgres (clock_timestamp() under the account lock); reads that decide
 * "is this lot still alive" must use the same clock, or a quote and a charge
 * near an expiry instant could disagree on a server whose clock drifts.
 * The offset to Postgres is measured at start and re-measured every minute.
 * Per process, and safely so: every gateway measures against the same
 * database clock, and writes never use it (they read clock_timestamp()).
 */
export class DbClock implements Clock {
  readonly sqlIsFixed = true;

  private offsetMs = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly ds: DataSource) {}

  async sync(): Promise<void> {
    const sent = Date.now();
    const [{ at }] = await this.ds.query<[{ at: Date }]>(CLOCK_SYNC_SQL);
    const received = Date.now();
    this.offsetMs = at.getTime() - (sent + received) / 2;
  }

  async start(intervalMs = 60_000): Promise<void> {
    await this.sync();
    this.timer = setInterval(() => void this.sync().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  // clock_timestamp(), not now(): now() is the transaction's start, before any lock wait.
  sql(): string {
    return 'clock_timestamp()';
  }

  async lockedNow(tx: EntityManager): Promise<Date> {
    const [row] = await tx.query<[{ at: Date }]>('SELECT clock_timestamp() AS at');
    return row.at;
  }
}

/**
 * A clock that stands still until it is moved: for tests and for jobs run at
 * a chosen instant. Each instant handed out is distinct (1 ms apart) so rows
 * written one after another still order by time.
 */
export class ManualClock implements Clock {
  /** sql() is the instant it hands out, a new literal each time. */
  readonly sqlIsFixed = false;

  private ms: number;

  constructor(at: Date | string) {
    this.ms = new Date(at).getTime();
  }

  set(at: Date | string): void {
    this.ms = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.ms += ms;
  }

  now(): Date {
    return new Date(this.ms);
  }

  sql(): string {
    return `'${this.tick().toISOString()}'::timestamptz`;
  }

  lockedNow(): Promise<Date> {
    return Promise.resolve(this.tick());
  }

  private tick(): Date {
    this.ms += 1;
    return new Date(this.ms);
  }
}
