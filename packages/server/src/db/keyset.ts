import type { KeyType } from '../common/pagination';

/**
 * How a list is ordered (newest first) and paged: the SQL of a row's cursor
 * key, of "after the cursor", and of the order. One place for both read
 * paths, db/paged-list (the resolvers) and graphql/compiled-reads.
 */
export interface Keyset {
  keyType: KeyType;
  /** The row's cursor key, as text. */
  key: (alias: string) => string;
  /**
   * Rows after the cursor `after` (SQL of the key's parameter, NULL for the
   * first page). COALESCE rather than "after IS NULL OR ...", so an index
   * range serves it in a generic (prepared) plan too.
   */
  before: (alias: string, after: string) => string;
  orderBy: (alias: string) => string;
}

/** The SQL type a cursor key's parameter is cast to. */
export const KEY_SQL_TYPE: Record<KeyType, string> = {
  uuid: 'uuid',
  bigint: 'bigint',
  time: 'text',
};

const MAX: Record<'uuid' | 'bigint', string> = {
  uuid: `'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid`,
  bigint: '9223372036854775807',
};

/** By id alone: uuid v7 ids are time-ordered, the ledger's identities are sequential. */
export function byId(keyType: 'uuid' | 'bigint'): Keyset {
  return {
    keyType,
    key: (a) => `${a}.id::text`,
    before: (a, after) => `${a}.id < COALESCE(${after}, ${MAX[keyType]})`,
    orderBy: (a) => `${a}.id DESC`,
  };
}

/**
 * By `created_at`, then id: a date range's newest page is then an index
 * range on (created_at, id), where ordering by id alone walks back past
 * every row newer than the range's end. The key keeps the instant to the
 * microsecond, Postgres's own precision, so no two rows' keys collide.
 */
export const byCreatedAt: Keyset = {
  keyType: 'time',
  key: (a) =>
    `to_char(${a}.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '|' || ${a}.id`,
  before: (a, after) =>
    `(${a}.created_at, ${a}.id) < (COALESCE(split_part(${after}, '|', 1)::timestamptz, 'infinity'),
                                   COALESCE(split_part(${after}, '|', 2)::uuid, ${MAX.uuid}))`,
  orderBy: (a) => `${a}.created_at DESC, ${a}.id DESC`,
};
