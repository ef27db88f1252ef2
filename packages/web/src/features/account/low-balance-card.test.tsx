import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AccountPageDocument, SetLowBalanceThresholdDocument } from '../../gql/graphql';
import { renderWithApp } from '../../test/render';
import { AccountPage } from './account-page';
import { parseThreshold } from './low-balance-card';

const emptyPage = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };
const emptyConnection = (t: string) => ({
  __typename: t,
  totalCount: 0,
  pageInfo: emptyPage,
  nodes: [],
});

function accountMock(
  lowBalance: { threshold: number; isDefault: boolean; below: boolean },
  balance = 80,
) {
  return {
    request: { query: AccountPageDocument, variables: { id: 'a1' } },
    result: {
      data: {
        account: {
          __typename: 'Account',
          id: 'a1',
          name: 'Acme',
          email: 'ops@acme.example',
          createdAt: '2024-01-01T00:00:00.000Z',
          balance,
          expiringCredits: 0,
          lowBalance: {
            __typename: 'LowBalance',
            threshold: lowBalance.threshold,
            isDefault: lowBalance.isDefault,
            balance,
            isBelow: balance < lowBalance.threshold,
          },
          lowBalanceNotices: [
            {
              __typename: 'LowBalanceNotice',
              id: 'n1',
              createdAt: '2025-03-02T10:00:00.000Z',
              balance: 80,
              threshold: 100,
              chargeId: 'c1',
              mailedAt: '2025-03-02T10:00:01.000Z',
            },
          ],
          expiryNotices: [
            {
              __typename: 'ExpiryNotice',
              lotId: 'lot1',
              thresholdDays: 30,
              createdAt: '2025-03-01T10:00:00.000Z',
              credits: 45,
              expiresAt: '2025-03-31T00:00:00.000Z',
              mailedAt: null,
            },
          ],
          licenses: [],
          creditLots: [],
          openTickets: { __typename: 'TicketConnection', totalCount: 0 },
          tickets: emptyConnection('TicketConnection'),
          ledger: emptyConnection('LedgerEntryConnection'),
          statements: emptyConnection('StatementConnection'),
        },
      },
    },
    maxUsageCount: 5,
  };
}

const setMock = (threshold: number | null, answer: { threshold: number; isDefault: boolean }) => ({
  request: { query: SetLowBalanceThresholdDocument, variables: { accountId: 'a1', threshold } },
  result: {
    data: {
      setLowBalanceThreshold: {
        __typename: 'Account',
        id: 'a1',
        lowBalance: {
          __typename: 'LowBalance',
          ...answer,
          balance: 80,
          isBelow: 80 < answer.threshold,
        },
      },
    },
  },
});

async function card() {
  const heading = await screen.findByRole('heading', { name: 'Low balance' });
  return heading.closest<HTMLElement>('section')!;
}

describe('Low balance card', () => {
  it('shows the threshold, whether the balance is below it, and the notices sent, newest first', async () => {
    renderWithApp(<AccountPage />, {
      route: '/accounts/a1',
      path: '/accounts/:accountId',
      mocks: [accountMock({ threshold: 100, isDefault: false, below: true })],
    });
    const c = await card();
    expect(within(c).getByTestId('low-balance-threshold')).toHaveTextContent('100 credits');
    expect(within(c).getByText('this account')).toBeInTheDocument();
    expect(within(c).getByTestId('low-balance-state')).toHaveTextContent('Below the threshold');
    const notices = within(c).getAllByTestId('sent-notice');
    expect(notices.map((n) => n.dataset.noticeKind)).toEqual(['low', 'expiry']);
    expect(notices[0]).toHaveTextContent('Balance 80 credits, below 100 credits');
    expect(notices[0]).toHaveTextContent('e-mailed');
    expect(notices[1]).toHaveTextContent('45 credits expire');
    expect(notices[1]).toHaveTextContent("30 days' notice");
    expect(notices[1]).toHaveTextContent('e-mail queued');
  });

  it('staff set a threshold, and an empty value goes back to the default', async () => {
    const user = userEvent.setup();
    renderWithApp(<AccountPage />, {
      route: '/accounts/a1',
      path: '/accounts/:accountId',
      mocks: [
        accountMock({ threshold: 0, isDefault: true, below: false }),
        setMock(150, { threshold: 150, isDefault: false }),
        setMock(null, { threshold: 0, isDefault: true }),
      ],
    });
    const c = await card();
    expect(within(c).getByText('default')).toBeInTheDocument();

    await user.click(within(c).getByRole('button', { name: 'Edit threshold' }));
    const input = within(c).getByLabelText('Threshold (credits)');
    expect(input).toHaveValue('');
    await user.type(input, '1.5');
    await user.click(within(c).getByRole('button', { name: 'Save threshold' }));
    expect(within(c).getByText(/Whole credits/)).toBeInTheDocument();

    await user.clear(input);
    await user.type(input, '150');
    await user.click(within(c).getByRole('button', { name: 'Save threshold' }));
    await within(c).findByText('this account');
    expect(within(c).getByTestId('low-balance-threshold')).toHaveTextContent('150 credits');
    expect(within(c).getByTestId('low-balance-state')).toHaveTextContent('Below the threshold');
    // The cache repaints the card as the answer lands; the form closes a tick later.
    await waitFor(() => expect(within(c).queryByRole('form', { name: 'Threshold' })).toBeNull());

    await user.click(within(c).getByRole('button', { name: 'Edit threshold' }));
    const again = within(c).getByLabelText('Threshold (credits)');
    expect(again).toHaveValue('150');
    await user.clear(again);
    await user.click(within(c).getByRole('button', { name: 'Save threshold' }));
    await within(c).findByText('default');
    expect(within(c).getByTestId('low-balance-threshold')).toHaveTextContent('0 credits');
  });

  it('says "below" from the balance now, even while the notice flag is still clear (issue 15)', async () => {
    // Balance 80, threshold raised to 100 after the last charge: the flag has
    // not moved (no charge since), but the balance is below the threshold.
    renderWithApp(<AccountPage />, {
      route: '/accounts/a1',
      path: '/accounts/:accountId',
      mocks: [accountMock({ threshold: 100, isDefault: false, below: false })],
    });
    const c = await card();
    expect(within(c).getByTestId('low-balance-state')).toHaveTextContent('Below the threshold');
  });

  it('balance 0 and threshold 0 is at the threshold, not above it', async () => {
    renderWithApp(<AccountPage />, {
      route: '/accounts/a1',
      path: '/accounts/:accountId',
      mocks: [accountMock({ threshold: 0, isDefault: true, below: false }, 0)],
    });
    const c = await card();
    expect(within(c).getByTestId('low-balance-state')).toHaveTextContent('At the threshold');
  });

  it('an analyst sees the threshold but cannot edit it', async () => {
    renderWithApp(<AccountPage />, {
      role: 'ANALYST',
      route: '/accounts/a1',
      path: '/accounts/:accountId',
      mocks: [accountMock({ threshold: 100, isDefault: false, below: false })],
    });
    const c = await card();
    expect(within(c).getByTestId('low-balance-threshold')).toHaveTextContent('100 credits');
    expect(within(c).queryByRole('button', { name: 'Edit threshold' })).toBeNull();
  });
});

describe('parseThreshold', () => {
  it('takes whole credits, empty as the default, and refuses the rest', () => {
    expect(parseThreshold(' 40 ')).toEqual({ value: 40 });
    expect(parseThreshold('')).toEqual({ value: null });
    expect(parseThreshold('0')).toEqual({ value: 0 });
    for (const bad of ['-1', '1.5', 'ten', '1e3', '99999999999999999999']) {
      expect(parseThreshold(bad)).toHaveProperty('error');
    }
  });
});
