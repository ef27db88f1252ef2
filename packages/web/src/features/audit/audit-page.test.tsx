import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { AuditPageDocument } from '../../gql/graphql';
import { renderWithApp } from '../../test/render';
import { AuditPage } from './audit-page';
import { actionLabel } from './audit-table';
import { readAudit, toAuditFilter, writeAudit } from './audit-filters';

const event = (id: string, action: string, keyName: string, role: string, details: object) => ({
  __typename: 'AuditEvent',
  id,
  at: '2025-03-02T10:00:00.000Z',
  action,
  accountId: 'acc-1',
  targetId: 'tk-1',
  keyId: `key-${id}`,
  keyName,
  role,
  requestId: `req-${id}`,
  details: JSON.stringify(details),
  account: { __typename: 'Account', id: 'acc-1', name: 'Acme Shop' },
});

function page(variables: Record<string, unknown>, nodes: unknown[]) {
  return {
    request: { query: AuditPageDocument, variables },
    result: {
      data: {
        auditEvents: {
          __typename: 'AuditEventConnection',
          totalCount: nodes.length,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          nodes,
        },
      },
    },
  };
}

describe('AuditPage', () => {
  it('shows each action with the key name, role, account and details', async () => {
    renderWithApp(<AuditPage />, {
      mocks: [
        page({ filter: {}, first: 50 }, [
          event('2', 'chargeTicket', 'desk-anna', 'SPECIALIST', { ticketId: 'tk-1', credits: 30 }),
          event('1', 'openTicket', 'partner-acme', 'PARTNER', { category: 'SETUP' }),
        ]),
      ],
      route: '/audit',
    });
    const table = await screen.findByRole('table', { name: 'Audit events' });
    const [charge, open] = within(table).getAllByRole('row').slice(1);
    expect(charge).toHaveTextContent('Charge ticket');
    expect(within(charge!).getByRole('link', { name: 'desk-anna' })).toHaveAttribute(
      'href',
      '/audit?key=key-2',
    );
    expect(charge).toHaveTextContent('Support specialist');
    expect(charge).toHaveTextContent('credits30');
    expect(within(charge!).getByRole('link', { name: 'Ticket' })).toHaveAttribute(
      'href',
      '/tickets/tk-1',
    );
    expect(open).toHaveTextContent('Open ticket');
    expect(within(open!).getByRole('link', { name: 'Acme Shop' })).toHaveAttribute(
      'href',
      '/accounts/acc-1',
    );
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeEnabled();
  });

  it('keeps its filter in the URL', () => {
    const s = readAudit(
      new URLSearchParams(
        'action=chargeTicket&account=a&key=k&from=2025-01-01&to=2025-01-31&action=x',
      ),
    );
    expect(s).toEqual({
      action: 'chargeTicket',
      account: 'a',
      key: 'k',
      from: '2025-01-01',
      to: '2025-01-31',
    });
    expect(readAudit(writeAudit(s))).toEqual(s);
    expect(toAuditFilter(s)).toEqual({
      actions: ['chargeTicket'],
      accountId: 'a',
      keyId: 'k',
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-02-01T00:00:00.000Z',
    });
    expect(readAudit(new URLSearchParams('action=dropTables')).action).toBe('');
    expect(actionLabel('updateApiKeyScope')).toBe('Update API key scope');
  });
});
