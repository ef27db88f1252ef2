import { badInput } from './errors';

export const MAX_PAGE_SIZE = 100;

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Page {
  first: number;
  /** Keyset position: rows strictly after this sort key, or null for the start. */
  after: string | null;
}

// Cursors are opaque to clients: base64url of the row's sort key.
export const encodeCursor = (key: string): string => Buffer.from(`k:${key}`).toString('base64url');

/**
 * What a list is ordered by: uuid v7 ids, bigint identities (the ledger), or
 * an instant then the id (`<ISO instant to the microsecond>|<uuid>`, charges
 * by when they were made; see db/keyset.ts).
 */
export type KeyType = 'uuid' | 'bigint' | 'time';

const UUID_SHAPE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const KEY_SHAPES: Record<KeyType, RegExp> = {
  uuid: new RegExp(`^${UUID_SHAPE}$`),
  bigint: /^[1-9][0-9]{0,17}$/,
  time: new RegExp(`^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3})\\d{3}Z\\|${UUID_SHAPE}$`),
};

/** A real instant: the shape alone lets 2026-13-45 and year 0 through, which Postgres refuses. */
const realInstant = (key: string, keyType: KeyType): boolean => {
  if (keyType !== 'time') return true;
  const ms = KEY_SHAPES.time.exec(key)![1]!;
  const at = new Date(`${ms}Z`);
  return !Number.isNaN(at.getTime()) && at.getUTCFullYear() >= 1 && at.toISOString() === `${ms}Z`;
};

/** A cursor that is not one of ours is the caller's mistake, never a 500. */
export function decodeCursor(cursor: string, keyType: KeyType, field = 'after'): string {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const key = raw.slice(2);
  if (!raw.startsWith('k:') || !KEY_SHAPES[keyType].test(key) || !realInstant(key, keyType))
    throw badInput(field, 'The cursor is not valid.');
  return key;
}

/** A page's size as asked (`first`): BAD_USER_INPUT outside 0..MAX_PAGE_SIZE. */
export function pageSize(first: number): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `first must be between 0 and ${MAX_PAGE_SIZE}.`);
  }
  return first;
}

export function parsePage(
  first: number | null | undefined,
  after: string | null | undefined,
  defaultSize: number,
  keyType: KeyType = 'uuid',
): Page {
  return {
    first: pageSize(first ?? defaultSize),
    after: after ? decodeCursor(after, keyType) : null,
  };
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Rows fetched with limit first + 1: the extra one only tells there is more. */
export function toConnection<T>(
  rows: T[],
  page: Page,
  totalCount: number,
  keyOf: (row: T) => string,
): Connection<T> {
  const nodes = rows.slice(0, page.first);
  const last = nodes[nodes.length - 1];
  // An empty page (first: 0) ends where it started, so a client looping on
  // hasNextPage still advances from its own cursor.
  const endKey = last ? keyOf(last) : page.after;
  return {
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > page.first,
      endCursor: endKey === null ? null : encodeCursor(endKey),
    },
  };
}
