import { expect } from 'vitest';
import type { GqlResult } from './gateway';

/** The data of a request that must succeed: no errors, and data present. */
export function expectData<T>(r: GqlResult<T>): T {
  expect(r.errors).toBeUndefined();
  if (r.data == null) throw new Error(`no data in ${JSON.stringify(r)}`);
  return r.data;
}

/** A nullable field the test has just made exist (an account by id, a ticket's charge). */
export function present<T>(value: T | null | undefined, what = 'value'): T {
  if (value == null) throw new Error(`${what} is missing`);
  return value;
}
