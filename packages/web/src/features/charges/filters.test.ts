import { describe, expect, it } from 'vitest';
import {
  csvFileName,
  EMPTY_FILTERS,
  isEmptyFilter,
  readFilters,
  toChargeFilter,
  writeFilters,
} from './filters';

describe('charge filters in the query string', () => {
  it('round-trips every filter through the URL', () => {
    const s = {
      from: '2025-01-01',
      to: '2025-03-31',
      categories: ['SETUP', 'BUG_REPORT'] as const,
      editions: ['SAAS', 'OWNED'] as const,
      included: 'false' as const,
      refunded: 'true' as const,
      account: 'acc-1',
    };
    const params = writeFilters({ ...s, categories: [...s.categories], editions: [...s.editions] });
    expect(params.toString()).toBe(
      'from=2025-01-01&to=2025-03-31&category=BUG_REPORT%2CSETUP&edition=OWNED%2CSAAS&included=false&refunded=true&account=acc-1',
    );
    expect(readFilters(params)).toEqual({
      ...s,
      categories: ['BUG_REPORT', 'SETUP'],
      editions: ['OWNED', 'SAAS'],
    });
  });

  it('ignores malformed values from a hand-edited URL', () => {
    const f = readFilters(
      new URLSearchParams('from=yesterday&category=NOPE,SETUP&edition=GOLD&included=maybe'),
    );
    expect(f).toEqual({ ...EMPTY_FILTERS, categories: ['SETUP'] });
  });

  it("maps to the API filter with the whole end day (the API's `to` is exclusive)", () => {
    expect(
      toChargeFilter(
        readFilters(new URLSearchParams('from=2025-01-01&to=2025-01-31&included=true')),
      ),
    ).toEqual({
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-02-01T00:00:00.000Z',
      included: true,
    });
    // A single day, and a day that ends a leap February and a year.
    expect(toChargeFilter({ ...EMPTY_FILTERS, from: '2024-02-29', to: '2024-02-29' })).toEqual({
      from: '2024-02-29T00:00:00.000Z',
      to: '2024-03-01T00:00:00.000Z',
    });
    expect(toChargeFilter({ ...EMPTY_FILTERS, to: '2025-12-31' }).to).toBe(
      '2026-01-01T00:00:00.000Z',
    );
    expect(toChargeFilter(EMPTY_FILTERS)).toEqual({});
    expect(isEmptyFilter(EMPTY_FILTERS)).toBe(true);
  });

  it('names the CSV after the filter', () => {
    expect(csvFileName(EMPTY_FILTERS)).toBe('charges_all.csv');
    expect(csvFileName({ ...EMPTY_FILTERS, from: '2025-01-01' })).toBe(
      'charges_2025-01-01_to_now.csv',
    );
    expect(csvFileName({ ...EMPTY_FILTERS, refunded: 'true' })).toBe('charges_filtered.csv');
  });
});
