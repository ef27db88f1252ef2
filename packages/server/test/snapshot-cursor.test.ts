import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/db/data-source';
import { DEFAULT_SESSION_SETTINGS } from '../src/db/session-settings';
import { openSnapshotCursor } from '../src/db/snapshot-cursor';
import { adminUrl } from './support/databases';

// A CSV export reads through one server-side cursor for as long as it takes.
// Postgres counts statement_timeout from a stream's first fetch to the next
// Sync, which a cursor's fetches never send: the export must not die at the
// gateway's statement timeout (an export of 10M charges did, at 30 s).

let ds: DataSource;
beforeAll(async () => {
  ds = createDataSource(adminUrl(), {
    poolSize: 2,
    session: { ...DEFAULT_SESSION_SETTINGS, statementTimeoutMs: 500 },
  });
  await ds.initialize();
});
afterAll(() => ds?.destroy());

describe('a snapshot cursor', () => {
  it('outlives the statement timeout when the whole read takes longer than it', async () => {
    // Four batches of 500 rows, each ~0.25 s: 1 s in all, twice the timeout.
    const cursor = await openSnapshotCursor<{ n: number }>(
      ds,
      'SELECT n, pg_sleep(0.0005) FROM generate_series(1, 2000) n',
      [],
    );
    let rows = 0;
    for await (const _ of cursor.rows) rows++;
    await cursor.close();
    expect(rows).toBe(2000);
  });

  it("leaves the timeout in force for the connection's next user", async () => {
    await expect(ds.query('SELECT pg_sleep(1)')).rejects.toThrow(/statement timeout/);
  });
});
