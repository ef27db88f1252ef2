import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Reads } from '../common/context';

export type { Reads };

/** No replica configured: everything reads the primary. */
export function primaryOnly(primary: DataSource): Reads {
  return { current: () => primary, run: (read) => read(primary) };
}

type State = 'up' | 'lagging' | 'down';

/**
 * Staleness is bounded without trusting either server's clock against the
 * other's: every probe records the primary's WAL position with the local
 * time, and reads the replica's replay position; the replica's lag is the age
 * of the newest recorded primary position it has replayed. An idle primary's
 * position does not move, so an idle replica is 0 behind; a replica whose
 * replay stopped (network, paused, overloaded) ages by the second.
 */
export class ReadReplica implements Reads {
  private state: State = 'down';
  private samples: { at: number; lsn: bigint }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private probing: Promise<void> | null = null;

  constructor(
    private readonly primary: DataSource,
    private readonly replica: DataSource,
    private readonly opts: { maxLagMs: number; probeIntervalMs?: number; log: Logger },
  ) {}

  /** Connects and probes once; never throws (a replica that is down falls back to the primary). */
  async start(): Promise<void> {
    await this.probe();
    this.timer = setInterval(() => void this.probe(), this.opts.probeIntervalMs ?? 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.probing;
    if (this.replica.isInitialized) await this.replica.destroy();
  }

  /** 'up' (reads go to the replica), 'lagging' or 'down' (they go to the primary). */
  get status(): State {
    return this.state;
  }

  current(): DataSource {
    return this.state === 'up' ? this.replica : this.primary;
  }

  async run<T>(read: (ds: DataSource) => Promise<T>): Promise<T> {
    const ds = this.current();
    if (ds === this.primary) return read(ds);
    try {
      return await read(ds);
    } catch (err) {
      if (!isUnreachable(err)) throw err;
      this.setState('down', { err });
      return read(this.primary);
    }
  }

  /** One probe at a time; a probe never throws. */
  probe(): Promise<void> {
    this.probing ??= this.probeOnce().finally(() => (this.probing = null));
    return this.probing;
  }

  private async probeOnce(): Promise<void> {
    const now = Date.now();
    try {
      const [{ lsn }] = await this.primary.query<[{ lsn: string }]>(
        'SELECT pg_current_wal_lsn()::text AS lsn',
      );
      this.samples.push({ at: now, lsn: parseLsn(lsn) });
      // Keep enough history to tell "maxLag behind" from "further behind".
      this.samples = this.samples.filter((s) => now - s.at <= 2 * this.opts.maxLagMs + 5000);
    } catch {
      return; // the primary is away: nothing to compare with; keep the last state
    }
    try {
      if (!this.replica.isInitialized) await this.replica.initialize();
      const [row] = await this.replica.query<[{ standby: boolean; replayed: string | null }]>(
        'SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed',
      );
      if (!row.standby || !row.replayed) {
        this.setState('down', { reason: 'DATABASE_READ_URL is not a standby in recovery' });
        return;
      }
      const lagMs = this.lagMs(parseLsn(row.replayed), now);
      this.setState(lagMs > this.opts.maxLagMs ? 'lagging' : 'up', { lagMs });
    } catch (err) {
      this.setState('down', { err });
    }
  }

  private lagMs(replayed: bigint, now: number): number {
    let caughtUpAt: number | null = null;
    for (const s of this.samples) if (s.lsn <= replayed) caughtUpAt = s.at;
    // None replayed yet: at least as old as the oldest sample.
    return now - (caughtUpAt ?? this.samples[0]?.at ?? now);
  }

  private setState(next: State, detail: Record<string, unknown>): void {
    if (next === this.state) return;
    const was = this.state;
    this.state = next;
    if (next === 'up') this.opts.log.info({ was, ...detail }, 'read replica in use');
    else
      this.opts.log.warn(
        { was, maxLagMs: this.opts.maxLagMs, ...detail },
        `read replica ${next}: analysts' reads go to the primary`,
      );
  }
}

/** '16/B374D848' -> 0x16B374D848 */
function parseLsn(text: string): bigint {
  const [hi, lo] = text.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

/**
 * Errors that say "this server cannot answer now" rather than "this query is
 * wrong": connection failures, shutdown, too many connections, and a standby
 * cancelling a read that conflicts with replay.
 */
export function isUnreachable(err: unknown): boolean {
  const e = err as { code?: unknown; driverError?: { code?: unknown }; message?: unknown };
  const raw = e?.driverError?.code ?? e?.code;
  const code = typeof raw === 'string' ? raw : '';
  if (/^08/.test(code) || ['57P01', '57P02', '57P03', '53300', '40001'].includes(code)) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH'].includes(code))
    return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/.test(
    message,
  );
}
