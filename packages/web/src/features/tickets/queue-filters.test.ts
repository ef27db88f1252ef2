import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUEUE,
  formatAge,
  readQueue,
  toTicketFilter,
  withStatus,
  writeQueue,
} from './queue-filters';

describe('the queue filter in the URL', () => {
  it('defaults to the open tickets and writes nothing for the default', () => {
    expect(readQueue(new URLSearchParams())).toEqual(DEFAULT_QUEUE);
    expect(writeQueue(DEFAULT_QUEUE).toString()).toBe('');
  });

  it('reads and writes every filter, keeping the canonical order and dropping unknown values', () => {
    const s = readQueue(
      new URLSearchParams(
        'status=ALL&category=SETUP,GENERAL_ISSUE,NOPE&level=LEVEL_2&edition=OWNED&account=a1&openedBy=k1&age=over7d',
      ),
    );
    expect(s).toEqual({
      status: 'ALL',
      categories: ['GENERAL_ISSUE', 'SETUP'],
      levels: ['LEVEL_2'],
      editions: ['OWNED'],
      account: 'a1',
      openedBy: 'k1',
      age: 'over7d',
    });
    expect(readQueue(writeQueue(s))).toEqual(s);
    expect(readQueue(new URLSearchParams('status=BOGUS&age=2y'))).toEqual(DEFAULT_QUEUE);
  });

  it('turns the age into an opened-before or opened-after instant', () => {
    const now = new Date('2025-03-10T12:00:30.000Z');
    expect(toTicketFilter({ ...DEFAULT_QUEUE, age: '1d' }, now)).toEqual({
      openedAfter: '2025-03-09T12:00:00.000Z',
    });
    expect(toTicketFilter({ ...DEFAULT_QUEUE, age: 'over30d' }, now)).toEqual({
      openedBefore: '2025-02-08T12:00:00.000Z',
    });
    const f = toTicketFilter({ ...DEFAULT_QUEUE, account: 'a', openedBy: 'k' }, now);
    expect(withStatus(f, 'OPEN')).toEqual({ accountId: 'a', openedBy: 'k', status: 'OPEN' });
    expect(withStatus(f, 'ALL')).toEqual({ accountId: 'a', openedBy: 'k' });
  });

  it('tells a waiting time in minutes, hours or days', () => {
    const now = new Date('2025-03-10T12:00:00.000Z');
    expect(formatAge('2025-03-10T11:55:00.000Z', now)).toBe('5 min');
    expect(formatAge('2025-03-10T09:00:00.000Z', now)).toBe('3 h');
    expect(formatAge('2025-03-07T12:00:00.000Z', now)).toBe('3 d');
  });
});
