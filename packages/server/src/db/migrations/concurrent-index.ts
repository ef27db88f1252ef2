import type { QueryRunner } from 'typeorm';

/**
 * Builds an index CONCURRENTLY (the migration runs outside a transaction,
 * `transaction = false`), so writers are not held off while it builds. A
 * build that died half-way leaves an invalid index of that name: it is
 * dropped and built again. `definition` is what follows `ON`.
 */
export async function createIndexConcurrently(
  q: QueryRunner,
  name: string,
  definition: string,
): Promise<void> {
  const invalid = (await q.query(
    `SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE c.relname = $1 AND NOT i.indisvalid`,
    [name],
  )) as unknown[];
  if (invalid.length) await q.query(`DROP INDEX CONCURRENTLY "${name}"`);
  await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS "${name}" ON ${definition}`);
}
