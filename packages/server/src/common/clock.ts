import type { DataSource } from 'typeorm';

/**
 * The database's clock, read without a round trip. Writes take their instant
 * from Postgres (clock_timestamp() under the account lock); reads that decide
 * "is this lot still alive" must use the same clock, or a quote and a charge
 * near an expiry instant could disagree on a server whose clock drifts.
 * The offset to Postgres is measured at start and re-measured every minute.
 * Per process, and safely so: every gateway measures against the same
 * database clock, and writes never use it (they read clock_timestamp()).
 */
export class DbClock {
  private offsetMs = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly ds: DataSource) {}

  async sync(): Promise<void> {
    const sent = Date.now();
    const [{ at }] = (await this.ds.query('SELECT clock_timestamp() AS at')) as [{ at: Date }];
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
}
