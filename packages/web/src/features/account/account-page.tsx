import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useCan } from '../../app/auth/auth-context';
import { ErrorNotice } from '../../shared/error-notice';
import { formatCredits, formatDate, formatNumber } from '../../shared/format';
import { safeAppPath } from '../../shared/safe-path';
import { LoadMoreFooter } from '../../shared/ui/load-more-footer';
import { PageHeader, Section, Stat } from '../../shared/ui/page-header';
import { EmptyState, SkeletonRows } from '../../shared/ui/states';
import { AccountActivity } from '../audit/account-activity';
import { CreditLots } from './credit-lots';
import { IssueLicenseDialog } from './issue-license-dialog';
import { LedgerTimeline } from './ledger-timeline';
import { LicenseCard } from './license-card';
import { LowBalanceCard } from './low-balance-card';
import { OpenTicketDialog } from './open-ticket-dialog';
import { PortalLinkDialog } from './portal-link-dialog';
import { PurchaseCreditsDialog, parseCredits } from './purchase-credits-dialog';
import { StatementList } from './statement-list';
import { TicketTable } from './ticket-list';

const LEDGER_PAGE = 25;
const TICKET_PAGE = 20;

const AccountPageQuery = graphql(`
  query AccountPage($id: ID!) {
    account(id: $id) {
      id
      name
      email
      createdAt
      balance
      expiringCredits(withinDays: 30)
      ...LowBalanceCard
      licenses {
        id
        ...LicenseCard
        ...LicenseOption
      }
      creditLots(includeExpired: true) {
        id
        ...CreditLotRow
      }
      # Counted by the server: the list below holds only the first page.
      openTickets: tickets(status: OPEN, first: 0) {
        totalCount
      }
      tickets(first: 20) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          ...TicketRow
        }
      }
      ledger(first: 25) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          ...LedgerEntryItem
        }
      }
      statements(first: 5) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          ...StatementItem
        }
      }
    }
  }
`);

const AccountLedgerMoreQuery = graphql(`
  query AccountLedgerMore($id: ID!, $first: Int!, $after: String) {
    account(id: $id) {
      id
      ledger(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          ...LedgerEntryItem
        }
      }
    }
  }
`);

const AccountTicketsMoreQuery = graphql(`
  query AccountTicketsMore($id: ID!, $first: Int!, $after: String) {
    account(id: $id) {
      id
      tickets(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          ...TicketRow
        }
      }
    }
  }
`);

type Action = 'issue-license' | 'purchase' | 'open-ticket' | 'portal-link';

export function AccountPage() {
  const { accountId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const canIssue = useCan('ISSUE_LICENSE');
  const canPurchase = useCan('PURCHASE_CREDITS');
  const canOpen = useCan('OPEN_TICKET');
  const canLink = useCan('MANAGE_PORTAL_LINKS');
  const { data, error, loading, refetch, fetchMore, networkStatus } = useQuery(AccountPageQuery, {
    variables: { id: accountId },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });

  const action = params.get('action') as Action | null;
  const tab = params.get('tab');
  const open = (a: Action) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      n.set('action', a);
      return n;
    });
  const close = () =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        n.delete('action');
        n.delete('credits');
        n.delete('license');
        n.delete('return');
        return n;
      },
      { replace: true },
    );

  const account = data?.account;
  if (!account) {
    if (error) {
      return (
        <div className="page">
          <PageHeader title="Account" breadcrumb={<Link to="/accounts">Accounts</Link>} />
          <ErrorNotice error={error} onRetry={() => void refetch()} />
        </div>
      );
    }
    if (loading) {
      return (
        <div className="page">
          <PageHeader title="Account" breadcrumb={<Link to="/accounts">Accounts</Link>} />
          <div className="card">
            <SkeletonRows rows={8} label="Loading account" />
          </div>
        </div>
      );
    }
    return (
      <div className="page">
        <EmptyState
          title="Account not found"
          action={
            <Link className="button" to="/accounts">
              Back to accounts
            </Link>
          }
        >
          No account has this id, or your key may not see it.
        </EmptyState>
      </div>
    );
  }

  const moreLoading = networkStatus === NetworkStatus.fetchMore;

  return (
    <div className="page">
      <PageHeader
        breadcrumb={<Link to="/accounts">Accounts</Link>}
        title={account.name}
        subtitle={
          <>
            {account.email} · customer since {formatDate(account.createdAt)}
          </>
        }
        actions={
          <>
            {canLink ? (
              <button type="button" className="button" onClick={() => open('portal-link')}>
                Portal link
              </button>
            ) : null}
            {canIssue ? (
              <button type="button" className="button" onClick={() => open('issue-license')}>
                Issue license
              </button>
            ) : null}
            {canPurchase ? (
              <button type="button" className="button" onClick={() => open('purchase')}>
                Purchase credits
              </button>
            ) : null}
            {canOpen ? (
              <button
                type="button"
                className="button button-primary"
                onClick={() => open('open-ticket')}
                disabled={account.licenses.length === 0}
                title={account.licenses.length === 0 ? 'Issue a license first' : undefined}
              >
                Open ticket
              </button>
            ) : null}
          </>
        }
      />

      <nav className="tabs" aria-label="Account views">
        <Link
          className="tab"
          to={`/accounts/${encodeURIComponent(account.id)}`}
          aria-current={tab === 'activity' ? undefined : 'page'}
        >
          Overview
        </Link>
        <Link
          className="tab"
          to={`/accounts/${encodeURIComponent(account.id)}?tab=activity`}
          aria-current={tab === 'activity' ? 'page' : undefined}
        >
          Activity
        </Link>
      </nav>
      {tab === 'activity' ? (
        <AccountActivity accountId={account.id} />
      ) : (
        <>
          <div className="stats" aria-label="Summary">
            <Stat
              label="Balance"
              value={<span data-testid="account-balance">{formatNumber(account.balance)}</span>}
              hint="credits spendable now"
            />
            <Stat
              label="Expiring in 30 days"
              value={formatNumber(account.expiringCredits)}
              hint={
                account.expiringCredits > 0 ? 'spend them or lose them' : 'nothing expiring soon'
              }
              tone={account.expiringCredits > 0 ? 'warning' : undefined}
            />
            <Stat label="Licenses" value={formatNumber(account.licenses.length)} />
            <Stat
              label="Open tickets"
              value={formatNumber(account.openTickets.totalCount)}
              hint={`${formatNumber(account.tickets.totalCount)} in all`}
            />
          </div>
          {error ? <ErrorNotice error={error} compact onRetry={() => void refetch()} /> : null}

          <div className="columns">
            <div className="column">
              <Section
                id="licenses"
                title="Licenses"
                actions={
                  canIssue ? (
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => open('issue-license')}
                    >
                      Issue license
                    </button>
                  ) : null
                }
              >
                {account.licenses.length === 0 ? (
                  <EmptyState title="No licenses yet">
                    A license grants credits and decides which support is included.
                  </EmptyState>
                ) : (
                  <ul className="licenses">
                    {account.licenses.map((l) => (
                      <LicenseCard key={l.id} license={l} />
                    ))}
                  </ul>
                )}
              </Section>
              <Section
                id="lots"
                title="Credit lots"
                actions={
                  <span className="muted small">Balance {formatCredits(account.balance)}</span>
                }
              >
                <CreditLots lots={account.creditLots} />
              </Section>
            </div>
            <div className="column">
              <Section
                id="ledger"
                title="Ledger"
                actions={
                  <span className="muted small">
                    {formatNumber(account.ledger.totalCount)}{' '}
                    {account.ledger.totalCount === 1 ? 'entry' : 'entries'}
                  </span>
                }
              >
                <LedgerTimeline entries={account.ledger.nodes} />
                <LoadMoreFooter
                  hasMore={account.ledger.pageInfo.hasNextPage}
                  loading={moreLoading}
                  onMore={() =>
                    void fetchMore({
                      query: AccountLedgerMoreQuery,
                      variables: {
                        id: account.id,
                        first: LEDGER_PAGE,
                        after: account.ledger.pageInfo.endCursor,
                      },
                    })
                  }
                  label="Show older entries"
                />
              </Section>
              <Section id="statements" title="Statements sent">
                <StatementList statements={account.statements.nodes} />
              </Section>
              <LowBalanceCard account={account} />
            </div>
          </div>

          <Section
            id="tickets"
            title="Tickets"
            actions={
              <>
                <Link
                  className="button button-small button-ghost"
                  to={`/charges?account=${encodeURIComponent(account.id)}`}
                >
                  View charges
                </Link>
                {canOpen && account.licenses.length > 0 ? (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => open('open-ticket')}
                  >
                    Open ticket
                  </button>
                ) : null}
              </>
            }
          >
            {account.tickets.nodes.length === 0 ? (
              <EmptyState title="No tickets yet">
                Support requests for this account appear here.
              </EmptyState>
            ) : (
              <>
                <TicketTable tickets={account.tickets.nodes} />
                <LoadMoreFooter
                  hasMore={account.tickets.pageInfo.hasNextPage}
                  loading={moreLoading}
                  onMore={() =>
                    void fetchMore({
                      query: AccountTicketsMoreQuery,
                      variables: {
                        id: account.id,
                        first: TICKET_PAGE,
                        after: account.tickets.pageInfo.endCursor,
                      },
                    })
                  }
                  label="Show more tickets"
                />
              </>
            )}
          </Section>
        </>
      )}
      {action === 'issue-license' && canIssue ? (
        <IssueLicenseDialog accountId={account.id} onClose={close} />
      ) : null}
      {action === 'purchase' && canPurchase ? (
        <PurchaseCreditsDialog
          accountId={account.id}
          balance={account.balance}
          initialCredits={parseCredits(params.get('credits') ?? '')}
          onClose={close}
          onDone={() => {
            // Back to the ticket that was short, but only to a path inside the dashboard.
            const back = safeAppPath(params.get('return'), '');
            if (back) void navigate(back);
            else close();
          }}
        />
      ) : null}
      {action === 'portal-link' && canLink ? (
        <PortalLinkDialog accountId={account.id} accountName={account.name} onClose={close} />
      ) : null}
      {action === 'open-ticket' && canOpen ? (
        <OpenTicketDialog
          licenses={account.licenses}
          initialLicenseId={params.get('license')}
          onClose={close}
          onOpened={(id) => navigate(`/tickets/${encodeURIComponent(id)}`)}
        />
      ) : null}
    </div>
  );
}
