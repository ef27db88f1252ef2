import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CategoryTitlesDocument, TicketQueueDocument } from '../../gql/graphql';
import { renderWithApp } from '../../test/render';
import { TicketsPage } from './tickets-page';

const titles = {
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
            title: 'Root-cause analysis (from the API)',
            description: 'Finding out why.',
          },
          {
            __typename: 'CategoryPricing',
            category: 'SETUP',
            level: 'LEVEL_1',
            title: 'Setup (taxes and shipping modules)',
            description: 'Taxes and shipping.',
          },
        ],
      },
    },
  },
  maxUsageCount: 5,
};

const ticket = (id: string, subject: string, by: string | null) => ({
  __typename: 'Ticket',
  id,
  subject,
  category: 'ROOT_CAUSE_ANALYSIS',
  level: 'LEVEL_2',
  status: 'OPEN',
  openedAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
  openedByKeyId: by,
  openedByName: by ? 'partner-acme' : 'bootstrap',
  price: { __typename: 'PriceRange', min: 20, max: 60, included: false },
  charge: null,
  account: { __typename: 'Account', id: 'acc-1', name: 'Acme Shop' },
  license: { __typename: 'License', id: 'lic-1', edition: 'OWNED', domain: 'acme.example' },
});

function queue(variables: Record<string, unknown>, nodes: unknown[]) {
  return {
    request: { query: TicketQueueDocument, variables },
    result: {
      data: {
        tickets: {
          __typename: 'TicketConnection',
          totalCount: nodes.length,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          nodes,
        },
        ticketCounts: { __typename: 'TicketCounts', open: 2, charged: 7, refunded: 1, total: 10 },
      },
    },
  };
}

const open = queue({ filter: { status: 'OPEN' }, counts: {}, first: 25 }, [
  ticket('t2', 'Checkout is slow', 'key-p'),
  ticket('t1', 'Taxes wrong', null),
]);

describe('TicketsPage', () => {
  it('lists what waits to be charged by default, with counts per status and titles from the API', async () => {
    renderWithApp(<TicketsPage />, { mocks: [titles, open], route: '/tickets' });
    const table = await screen.findByRole('table', { name: 'Ticket queue' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((r) => within(r).getByRole('link', { name: /slow|wrong/ }).textContent),
    ).toEqual(['Checkout is slow', 'Taxes wrong']);
    expect(
      await within(rows[0]!).findByText('Root-cause analysis (from the API)'),
    ).toBeInTheDocument();
    expect(within(rows[0]!).getByText('3 h')).toBeInTheDocument();
    const tabs = screen.getByRole('navigation', { name: 'Ticket status' });
    expect(within(tabs).getByRole('link', { current: 'page' })).toHaveTextContent(
      'Open · waiting to be charged2',
    );
    expect(within(tabs).getByRole('link', { name: /Charged/ })).toHaveAttribute(
      'href',
      '/tickets?status=CHARGED',
    );
    // The opening key filters the queue by a deep link.
    expect(within(rows[0]!).getByRole('link', { name: 'partner-acme' })).toHaveAttribute(
      'href',
      '/tickets?openedBy=key-p',
    );
    expect(within(rows[1]!).queryByRole('link', { name: 'bootstrap' })).toBeNull();
  });

  it('reads its filters from the URL', async () => {
    const filtered = queue(
      {
        filter: { levels: ['LEVEL_2'], editions: ['OWNED'], status: 'CHARGED' },
        counts: { levels: ['LEVEL_2'], editions: ['OWNED'] },
        first: 25,
      },
      [],
    );
    renderWithApp(<TicketsPage />, {
      mocks: [titles, filtered],
      route: '/tickets?status=CHARGED&level=LEVEL_2&edition=OWNED',
    });
    expect(await screen.findByText('No tickets match')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Level 2' })).toBeChecked();
    expect(screen.getByLabelText('Edition')).toHaveValue('OWNED');
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeInTheDocument();
  });

  it('moves between rows with the arrow keys and charges with c (staff)', async () => {
    const user = userEvent.setup();
    renderWithApp(<TicketsPage />, { mocks: [titles, open], route: '/tickets' });
    const table = await screen.findByRole('table', { name: 'Ticket queue' });
    const [first, second] = within(table).getAllByRole('row').slice(1);
    first!.focus();
    await user.keyboard('{ArrowDown}');
    expect(second).toHaveFocus();
    await user.keyboard('k');
    expect(first).toHaveFocus();
    expect(within(first!).getByRole('button', { name: 'Charge' })).toBeInTheDocument();
    await user.keyboard('c');
    expect(await screen.findByRole('dialog', { name: 'Charge ticket' })).toBeInTheDocument();
  });

  it('offers no charge to an analyst', async () => {
    renderWithApp(<TicketsPage />, { role: 'ANALYST', mocks: [titles, open], route: '/tickets' });
    const table = await screen.findByRole('table', { name: 'Ticket queue' });
    expect(within(table).queryByRole('button', { name: 'Charge' })).toBeNull();
  });
});
