import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { OperationsPageDocument } from '../../gql/graphql';
import { renderWithApp } from '../../test/render';
import { OperationsPage } from './operations-page';

function mock(data: { lastRun: unknown; reports: unknown[]; fault?: string }) {
  return {
    request: { query: OperationsPageDocument },
    result: {
      data: {
        expirySchedule: {
          __typename: 'ExpirySchedule',
          schedule: '0 * * * *',
          nextRunAt: '2025-03-02T11:00:00.000Z',
          lastRun: data.lastRun,
        },
        mailDelivery: {
          __typename: 'MailDelivery',
          retryingStatements: data.fault ? 3 : 0,
          configurationFault: data.fault ?? null,
          faultSince: data.fault ? '2025-03-02T09:00:00.000Z' : null,
        },
        reconciliationReports: data.reports,
      },
    },
  };
}

const report = (id: string, ok: boolean, mismatches: { check: string; ids: string[] }[] = []) => ({
  __typename: 'ReconciliationReport',
  id,
  ranAt: '2025-03-02T00:30:00.000Z',
  midnight: '2025-03-02T00:00:00.000Z',
  accountsChecked: 12,
  lotsChecked: 34,
  ok,
  mismatches: mismatches.map((m) => ({ __typename: 'ReconciliationMismatch', ...m })),
});

describe('OperationsPage', () => {
  it('shows the last expiry run, the next one, and a clean and a failed report', async () => {
    renderWithApp(<OperationsPage />, {
      mocks: [
        mock({
          lastRun: {
            __typename: 'ExpiryRun',
            id: 'r1',
            ranAt: '2025-03-02T10:00:00.000Z',
            lots: 3,
            credits: 170,
          },
          reports: [
            report('rep2', false, [{ check: 'lot_ledger_sum', ids: ['lot-9', 'acc-4'] }]),
            report('rep1', true),
          ],
        }),
      ],
    });
    const last = await screen.findByTestId('expiry-last-run');
    expect(last).toHaveTextContent('3 lots, 170 credits expired');
    expect(screen.getByTestId('expiry-next-run')).not.toHaveTextContent('—');
    expect(screen.getByText('0 * * * *')).toBeInTheDocument();

    const [failed, clean] = screen.getAllByTestId('reconciliation-report');
    expect(failed).toHaveAttribute('data-ok', 'false');
    expect(within(failed!).getByText('Mismatches')).toBeInTheDocument();
    expect(within(failed!).getByText('lot_ledger_sum')).toBeInTheDocument();
    expect(within(failed!).getByText('lot-9')).toBeInTheDocument();
    expect(within(failed!).getByText('acc-4')).toBeInTheDocument();
    expect(failed).toHaveTextContent('12 accounts, 34 lots checked');
    expect(clean).toHaveAttribute('data-ok', 'true');
    expect(within(clean!).getByText('Clean')).toBeInTheDocument();
    expect(clean).toHaveTextContent('Every invariant holds.');
  });

  it('says so when nothing has run yet', async () => {
    renderWithApp(<OperationsPage />, { mocks: [mock({ lastRun: null, reports: [] })] });
    expect(await screen.findByTestId('expiry-last-run')).toHaveTextContent('No run yet');
    expect(screen.getByText('No report yet')).toBeInTheDocument();
    expect(screen.getByTestId('mail-fault')).toHaveTextContent('No fault');
  });

  it('shows an SMTP configuration fault holding statements back', async () => {
    renderWithApp(<OperationsPage />, {
      mocks: [
        mock({ lastRun: null, reports: [], fault: '535 Authentication credentials invalid' }),
      ],
    });
    const fault = await screen.findByTestId('mail-fault');
    expect(fault).toHaveTextContent('Fix SMTP_URL');
    expect(fault).toHaveTextContent('535 Authentication credentials invalid');
    expect(screen.getByTestId('mail-retrying')).toHaveTextContent('3');
  });
});
