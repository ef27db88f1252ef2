import { v7 as uuidv7 } from 'uuid';
import { badInput } from './errors';

// Time-ordered ids: newer rows sort after older ones, so keyset pagination
// by id alone gives "newest first" without a second column.
export const newId = (): string => uuidv7();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id is the caller's mistake (BAD_USER_INPUT), never a 500. */
export function parseId(value: string, field: string): string {
  if (!UUID.test(value)) throw badInput(field, `${field} is not a valid id.`);
  return value.toLowerCase();
}

export const isUuid = (value: string): boolean => UUID.test(value);
