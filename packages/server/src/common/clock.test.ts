import type { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { DbClock, ManualClock } from './clock';

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

describe('ManualClock', () => {
  it('stands still until moved, and hands each write a later instant', async () => {
    const clock = new ManualClock('2026-03-01T00:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-03-01T00:00:00.000Z');
    const first = await clock.lockedNow();
    const second = await clock.lockedNow();
    expect(second.getTime()).toBeGreaterThan(first.getTime());
    // A read after a write is at or after it.
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(second.getTime());
    clock.set('2027-01-01T00:00:00.000Z');
    expect(clock.sql()).toBe("'2027-01-01T00:00:00.001Z'::timestamptz");
    clock.advance(60_000);
    expect(clock.now().toISOString()).toBe('2027-01-01T00:01:00.001Z');
  });
});
