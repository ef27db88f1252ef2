import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link } from 'react-router';
import { TicketPageDocument, type TicketPageQuery } from '../../gql/graphql';
import { renderWithApp } from '../../test/render';
import { TicketPage } from './ticket-page';

type TicketData = NonNullable<TicketPageQuery['ticket']>;

function ticket(id: string, charged: boolean): Record<string, unknown> {
  return {
    __typename: 'Ticket',
    id,
    subject: `Ticket ${id}`,
    category: 'SETUP',
    level: 'LEVEL_2',
    status: charged ? 'CHARGED' : 'OPEN',
    openedAt: '2025-03-01T10:00:00.000Z',
    price: { __typename: 'PriceRange', min: 20, max: 60, included: false },
    license: {
      __typename: 'License',
      id: 'l1',
      domain: 'shop.example.com',
      edition: 'OWNED',
      hostingPlan: null,
      includedLevels: [],
    },
    account: { __typename: 'Account', id: 'a1', name: 'Acme', balance: 500 },
    charge: charged
      ? {
          __typename: 'Charge',
          id: `c-${id}`,
          credits: 30,
          included: false,
          refunded: false,
          balanceAfter: 470,
          createdAt: '2025-03-01T11:00:00.000Z',
          allocations: [],
        }
      : null,
    refund: null,
    history: [
      { __typename: 'TicketEvent', status: 'OPEN', at: '2025-03-01T10:00:00.000Z', note: null },
    ],
  } satisfies Record<keyof TicketData, unknown> & { __typename: string };
}

// cache-and-network asks the server on every visit, so each ticket answers more than once.
function ticketMock(id: string, charged: boolean) {
  return {
    request: { query: TicketPageDocument, variables: { id } },
    result: { data: { ticket: ticket(id, charged) } },
    maxUsageCount: 5,
  };
}

function renderTickets(first: string, second: string, charged: boolean) {
  return renderWithApp(
    <>
      <TicketPage />
      <nav>
        <Link to={`/tickets/${first}`}>first</Link>
        <Link to={`/tickets/${second}`}>second</Link>
      </nav>
    </>,
    {
      route: `/tickets/${first}`,
      path: '/tickets/:ticketId',
      mocks: [ticketMock(first, charged), ticketMock(second, charged)],
    },
  );
}

describe('TicketPage', () => {
  // Going back to a ticket already in the cache renders it at once, without the
  // loading state in between, so only a key keeps the panels from carrying over.
  it('starts the charge panel afresh for each ticket', async () => {
    const user = userEvent.setup();
    renderTickets('t1', 't2', false);
    await screen.findByRole('heading', { name: /Ticket t1/ });
    await user.click(screen.getByRole('link', { name: 'second' }));
    await screen.findByRole('heading', { name: /Ticket t2/ });
    await user.type(screen.getByLabelText('Final cost (credits)'), '25');
    expect(screen.getByRole('button', { name: 'Charge 25 credits' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'first' }));
    await screen.findByRole('heading', { name: /Ticket t1/ });
    expect(screen.getByLabelText('Final cost (credits)')).toHaveDisplayValue('');
    expect(screen.getByRole('button', { name: 'Charge' })).toBeInTheDocument();
  });

  it('starts the refund panel afresh for each ticket', async () => {
    const user = userEvent.setup();
    renderTickets('t3', 't4', true);
    await screen.findByRole('heading', { name: /Ticket t3/ });
    await user.click(screen.getByRole('link', { name: 'second' }));
    await screen.findByRole('heading', { name: /Ticket t4/ });
    await user.type(screen.getByLabelText('Reason'), 'Crash in checkout');
    await user.click(screen.getByRole('button', { name: 'Refund 30 credits' }));
    expect(screen.getByRole('button', { name: 'Confirm refund' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'first' }));
    await screen.findByRole('heading', { name: /Ticket t3/ });
    expect(screen.getByLabelText('Reason')).toHaveValue('');
    expect(screen.queryByRole('button', { name: 'Confirm refund' })).not.toBeInTheDocument();
  });
});
