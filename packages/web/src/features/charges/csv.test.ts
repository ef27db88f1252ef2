import { describe, expect, it } from 'vitest';
import { toChargeFilter } from './filters';
import { EXPORT_PATH, exportQuery } from './use-csv-export';

// The CSV itself (quoting, formula guard, scope) is the gateway's and is
// tested there (packages/server/test/export-charges.test.ts); the browser
// test downloads it through the button.
describe('CSV export request', () => {
  it('sends the charges filter as the export query parameters', () => {
    const filter = toChargeFilter({
      from: '2025-01-01',
      to: '2025-01-31',
      categories: ['SETUP', 'BUG_REPORT'],
      editions: ['OWNED'],
      included: 'false',
      refunded: 'true',
      account: '01a230e1-d064-75ae-8d2b-a82929c1d1c4',
    });
    const q = exportQuery(filter);
    expect(Object.fromEntries(q)).toEqual({
      accountId: '01a230e1-d064-75ae-8d2b-a82929c1d1c4',
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-02-01T00:00:00.000Z',
      categories: 'SETUP,BUG_REPORT',
      editions: 'OWNED',
      included: 'false',
      refunded: 'true',
    });
    expect(EXPORT_PATH).toBe('/export/charges.csv');
  });

  it('sends nothing for an empty filter', () => {
    expect(exportQuery({}).toString()).toBe('');
  });
});
