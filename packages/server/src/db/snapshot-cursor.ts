import type { Pool, PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import type { DataSource } from 'typeorm';

// A long read (a CSV export) through a server-side cursor in one REPEATABLE
// READ snapshot: the rows are consistent however long the reader takes, and
// the gateway holds one batch in memory, never the whole result.

/** Rows fetched from Postgres per round trip; also the most the gateway holds. */
const BATCH = 500;

export interface SnapshotCursor<Row> {
  rows: AsyncIterableIterator<Row>;
  /** Ends the snapshot and returns the connection (broken ones are discarded). */
  close: (failed?: unknown) => Promise<void>;
}

function poolOf(ds: DataSource): Pool {
  return (ds.driver as unknown as { master: Pool }).master;
}

/** Opens `sql` (with `params`) as a cursor on a connection of its own. */
export async function openSnapshotCursor<Row>(
  ds: DataSource,
  sql: string,
  params: unknown[],
): Promise<SnapshotCursor<Row>> {
  const client: PoolClient = await poolOf(ds).connect();
  let open: QueryStream;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    // The stream fetches batch after batch from one portal without a Sync in
    // between, and Postgres runs statement_timeout from the first fetch to
    // the next Sync: the whole export, its reader's time included. An export
    // of 10M charges was cut off after the 30 s default. The export's own
    // guards bound it instead (its slots, the slow-reader cut-off).
    await client.query('SET LOCAL statement_timeout = 0');
    open = client.query(new QueryStream(sql, params, { batchSize: BATCH }));
  } catch (err) {
    client.release(err as Error);
    throw err;
  }
  let closed = false;
  return {
    rows: open[Symbol.asyncIterator]() as AsyncIterableIterator<Row>,
    async close(failed?: unknown) {
      if (closed) return;
      closed = true;
      if (!open.destroyed) open.destroy();
      try {
        await client.query(failed ? 'ROLLBACK' : 'COMMIT');
        client.release();
      } catch (err) {
        client.release(err as Error);
      }
    },
  };
}
