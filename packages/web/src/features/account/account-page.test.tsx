import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { AccountPageDocument } from '../../gql/graphql';
import { renderWithApp } from '../../test/render';
import { AccountPage } from './account-page';

const emptyPage = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };

function ticketRow(id: string, status: 'OPEN' | 'CHARGED') {
  return {
    __typename: 'Ticket',
    id,
    subject: `Ticket ${id}`,
    category: 'SETUP',
    level: 'LEVEL_2',
    status,
    openedAt: '2025-03-01T10:00:00.000Z',
    price: { __typename: 'PriceRange', min: 20, max: 60, included: false },
    charge: status === 'CHARGED' ? { __typename: 'Charge', id: `c-${id}`, credits: 30 } : null,
    license: { __typename: 'License', id: 'l1', domain: 'shop.example.com' },
  };
}

const accountMock = {
  request: { query: AccountPageDocument, variables: { id: 'a1' } },
  result: {
    data: {
      account: {
        __typename: 'Account',
        id: 'a1',
        name: 'Acme',
        email: 'ops@acme.example',
        createdAt: '2024-01-01T00:00:00.000Z',
        balance: 500,
        expiringCredits: 0,
        lowBalance: { __typename: 'LowBalance', threshold: 0, isDefault: true, below: false },
        lowBalanceNotices: [],
        expiryNotices: [],
        licenses: [],
        creditLots: [],
        // 40 tickets, 23 of them open; the first page below holds only one open one.
        openTickets: { __typename: 'TicketConnection', totalCount: 23 },
        tickets: {
          __typename: 'TicketConnection',
          totalCount: 40,
          pageInfo: { ...emptyPage, hasNextPage: true, endCursor: 'c2' },
          nodes: [ticketRow('t1', 'OPEN'), ticketRow('t2', 'CHARGED')],
        },
        ledger: {
          __typename: 'LedgerEntryConnection',
          totalCount: 0,
          pageInfo: emptyPage,
          nodes: [],
        },
        statements: {
          __typename: 'StatementConnection',
          totalCount: 0,
          pageInfo: emptyPage,
          nodes: [],
        },
      },
    },
  },
  maxUsageCount: 5,
};

describe('AccountPage summary', () => {
  it('counts open tickets on the server, not in the loaded page', async () => {
    renderWithApp(<AccountPage />, {
      route: '/accounts/a1',
      path: '/accounts/:accountId',
      mocks: [accountMock],
    });
    await screen.findByRole('heading', { name: 'Acme' });
    const stat = screen.getByText('Open tickets').closest<HTMLElement>('.stat')!;
    expect(within(stat).getByText('23')).toHaveClass('stat-value');
    expect(stat).toHaveTextContent('40 in all');
    // Both lists live side by side in the cache: the page still shows its two rows.
    expect(screen.getByText('Ticket t1')).toBeInTheDocument();
    expect(screen.getByText('Ticket t2')).toBeInTheDocument();
  });
});
