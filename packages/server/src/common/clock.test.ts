import type { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { DbClock } from './clock';

// A stand-in for Postgres whose clock runs an hour ahead of this process.
const aheadBy = (ms: number) =>
  ({ query: () => Promise.resolve([{ at: new Date(Date.now() + ms) }]) }) as unknown as DataSource;

describe('DbClock', () => {
  it("follows the database's clock, not the process's", async () => {
    const clock = new DbClock(aheadBy(3_600_000));
    await clock.sync();
    const drift = clock.now().getTime() - Date.now();
    expect(drift).toBeGreaterThan(3_600_000 - 1_000);
    expect(drift).toBeLessThan(3_600_000 + 1_000);
  });

  it('reads the process clock until the first sync', () => {
    const clock = new DbClock(aheadBy(3_600_000));
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1_000);
  });
});
