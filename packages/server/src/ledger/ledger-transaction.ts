import type { DataSource, EntityManager } from 'typeorm';

/** A counting semaphore: at most `size` holders, the rest wait in line. */
class Slots {
  private free: number;
  private readonly line: (() => void)[] = [];

  constructor(readonly size: number) {
    this.free = size;
  }

  get inUse(): number {
    return this.size - this.free;
  }

  get queued(): number {
    return this.line.length;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.line.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.line.shift();
      if (next)
        next(); // hand the slot straight on
      else this.free += 1;
    }
  }
}

const slotsByDataSource = new WeakMap<DataSource, Slots>();

function slotsFor(ds: DataSource): Slots {
  let slots = slotsByDataSource.get(ds);
  if (!slots) {
    const pool = (ds.options as { poolSize?: number }).poolSize ?? 10;
    slots = new Slots(Math.max(1, Math.floor(pool / 2)));
    slotsByDataSource.set(ds, slots);
  }
  return slots;
}

/** For metrics: this process's write slots (they are per process, not per database). */
export function writeSlotUsage(ds: DataSource): { size: number; inUse: number; queued: number } {
  const slots = slotsFor(ds);
  return { size: slots.size, inUse: slots.inUse, queued: slots.queued };
}

/**
 * A transaction that takes an account lock. Such transactions hold their
 * connection while they queue on the lock, so a storm of charges on one hot
 * account could take every connection of the pool; at most half the pool may
 * be in them at once, the rest wait here in memory, and reads and other work
 * always find a connection.
 *
 * Per process, by design: the limit protects this process's pool, and
 * correctness never depends on it (the account row lock and the database's
 * constraints decide). N gateways can hold N x pool/2 connections in lock
 * waits; size max_connections (or PgBouncer's pool) for N x DB_POOL_SIZE.
 */
export function ledgerTransaction<T>(
  ds: DataSource,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  return slotsFor(ds).run(() => ds.transaction(work));
}
