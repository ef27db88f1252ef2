import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { FinancePageDocument } from '../../gql/graphql';
import { renderWithApp } from '../../test/render';
import { dateInputToIso, dateInputToNextDayIso, todayInput } from '../../shared/format';
import { financeCsv } from './finance-csv';
import { FinancePage } from './finance-page';

const liability = {
  __typename: 'CreditLiability' as const,
  asOf: '2026-05-10T12:00:00.000Z',
  credits: 158,
  lines: [
    {
      __typename: 'LiabilityLine' as const,
      source: 'LICENSE_GRANT' as const,
      currency: null,
      lots: 1,
      credits: 50,
      valueCents: 0,
    },
    {
      __typename: 'LiabilityLine' as const,
      source: 'PURCHASE' as const,
      currency: 'EUR',
      lots: 1,
      credits: 100,
      valueCents: 123_456,
    },
    {
      __typename: 'LiabilityLine' as const,
      source: 'PURCHASE' as const,
      currency: null,
      lots: 1,
      credits: 8,
      valueCents: null,
    },
  ],
};
const breakage = [
  {
    __typename: 'BreakageBucket' as const,
    month: '2026-05-01T00:00:00.000Z',
    currency: null,
    lots: 1,
    credits: 20,
    valueCents: 0,
  },
];

describe('FinancePage', () => {
  const today = todayInput();
  it('shows the liability by source and currency with exact money, and breakage by month', async () => {
    renderWithApp(<FinancePage />, {
      mocks: [
        {
          request: {
            query: FinancePageDocument,
            // The page's defaults: now, and the year up to the end of today (UTC days).
            variables: {
              asOf: null,
              from: dateInputToIso(`${Number(today.slice(0, 4)) - 1}${today.slice(4)}`),
              to: dateInputToNextDayIso(today),
            },
          },
          result: { data: { creditLiability: liability, creditBreakage: breakage } },
        },
      ],
    });
    const table = await screen.findByRole('table', { name: 'Credit liability' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('none (no cost)'),
      expect.stringContaining('€1,234.56'),
      expect.stringContaining('unknown (no payment recorded)'),
    ]);
    const b = screen.getByRole('table', { name: 'Breakage by month' });
    expect(within(b).getAllByRole('row')[1]).toHaveTextContent('May 2026');
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeInTheDocument();
  });

  it('the CSV holds every line and bucket, in integer minor units', () => {
    expect(financeCsv(liability, breakage).split('\r\n')).toEqual([
      'report,as_of_or_month,source,currency,lots,credits,value_minor_units',
      'liability,2026-05-10T12:00:00.000Z,LICENSE_GRANT,,1,50,0',
      'liability,2026-05-10T12:00:00.000Z,PURCHASE,EUR,1,100,123456',
      'liability,2026-05-10T12:00:00.000Z,PURCHASE,,1,8,',
      'breakage,2026-05,,,1,20,0',
      '',
    ]);
  });
});
