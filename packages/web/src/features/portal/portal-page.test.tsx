import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { CategoryTitlesDocument, PortalPageDocument } from '../../gql/graphql';
import { renderWithApp } from '../../test/render';
import { PortalContent } from './portal-page';

const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString();
const page = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };

function lot(id: string, remaining: number, expiresAt: string | null, source = 'LICENSE_GRANT') {
  return {
    __typename: 'CreditLot',
    id,
    source,
    originalCredits: 100,
    remainingCredits: remaining,
    spentCredits: 100 - remaining,
    refundedCredits: 0,
    expiredCredits: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    expiresAt,
    expired: false,
    paymentReference: source === 'PURCHASE' ? 'INV-7' : null,
    license:
      source === 'LICENSE_GRANT'
        ? { __typename: 'License', id: 'l1', domain: 'shop.example' }
        : null,
  };
}

const account = {
  __typename: 'Account',
  id: 'a1',
  name: 'Acme Shop',
  balance: 180,
  expiringCredits: 60,
  creditLots: [
    lot('lot-soon', 60, inDays(10)),
    lot('lot-later', 100, inDays(200)),
    lot('lot-bought', 20, null, 'PURCHASE'),
  ],
  licenses: [
    {
      __typename: 'License',
      id: 'l1',
      domain: 'shop.example',
      edition: 'OWNED',
      hostingPlan: null,
      creditsGranted: 100,
      grantNote: 'Owned license at full price: 100 credits.',
      includedLevels: ['LEVEL_1'],
    },
  ],
  openTickets: {
    __typename: 'TicketConnection',
    totalCount: 1,
    nodes: [
      {
        __typename: 'Ticket',
        id: 't1',
        subject: 'Checkout broken',
        category: 'ROOT_CAUSE_ANALYSIS',
        openedAt: '2026-02-01T10:00:00.000Z',
        price: { __typename: 'PriceRange', min: 20, max: 60, included: false },
      },
    ],
  },
  receipts: {
    __typename: 'ReceiptConnection',
    totalCount: 1,
    nodes: [
      {
        __typename: 'Receipt',
        id: 'r1',
        kind: 'PURCHASE',
        credits: 20,
        expiresAt: null,
        amountPaidCents: 4_999,
        currency: 'EUR',
        paymentReference: 'INV-7',
        note: null,
        balanceAfter: 180,
        createdAt: '2026-02-02T10:00:00.000Z',
      },
    ],
  },
  statements: {
    __typename: 'StatementConnection',
    totalCount: 0,
    nodes: [],
  },
};

describe('the customer portal page', () => {
  it('shows the balance, what lapses within 30 days, the lots, the quote of open tickets and the receipts', async () => {
    renderWithApp(<PortalContent />, {
      role: null,
      mocks: [
        {
          request: { query: CategoryTitlesDocument },
          result: {
            data: {
              pricing: {
                __typename: 'Pricing',
                categories: [
                  {
                    __typename: 'CategoryPricing',
                    category: 'ROOT_CAUSE_ANALYSIS',
                    level: 'LEVEL_2',
                    title: 'Root-cause analysis',
                    description: 'Why it broke.',
                  },
                ],
              },
            },
          },
        },
        {
          request: { query: PortalPageDocument },
          result: {
            data: {
              accounts: {
                __typename: 'AccountConnection',
                totalCount: 1,
                pageInfo: page,
                nodes: [account],
              },
            },
          },
        },
      ],
    });
    await screen.findByRole('heading', { name: 'Acme Shop' });
    expect(screen.getByTestId('portal-balance')).toHaveTextContent('180');
    expect(screen.getByTestId('portal-lapsing')).toHaveTextContent('60');
    const lapsing = screen.getByRole('region', { name: 'Credits that lapse within 30 days' });
    expect(within(lapsing).getAllByRole('listitem')).toHaveLength(1);
    expect(lapsing).toHaveTextContent('60 credits expire on');
    const lots = screen.getByRole('region', { name: 'Your credits' });
    expect(within(lots).getAllByRole('listitem')).toHaveLength(3);
    expect(lots).toHaveTextContent('Never expires');
    expect(screen.getByTestId('portal-ticket')).toHaveTextContent('Quote: 20–60 credits');
    expect(await screen.findByText(/Root-cause analysis/)).toBeInTheDocument();
    expect(screen.getByTestId('portal-license')).toHaveTextContent('Owned license at full price');
    expect(screen.getByTestId('portal-receipt')).toHaveTextContent('€49.99');
    expect(screen.getByText('No statements yet')).toBeInTheDocument();
  });

  it('says clearly when the link has expired or was revoked', async () => {
    renderWithApp(<PortalContent />, {
      role: null,
      mocks: [
        {
          request: { query: PortalPageDocument },
          result: {
            errors: [
              {
                message: 'This portal link has expired, was revoked or is not valid.',
                extensions: { code: 'UNAUTHENTICATED' },
              },
            ],
          },
        },
      ],
    });
    const alert = await screen.findByTestId('portal-refused');
    expect(alert).toHaveTextContent('This link no longer works');
    expect(alert).toHaveTextContent('expired or was withdrawn');
  });
});
