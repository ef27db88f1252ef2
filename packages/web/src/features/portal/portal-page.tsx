import { useMemo } from 'react';
import { ApolloProvider, useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { graphql } from '../../gql';
import type { PortalPageQuery as PortalData } from '../../gql/graphql';
import { toAppError } from '../../shared/errors';
import {
  daysUntil,
  formatCredits,
  formatDate,
  formatMoney,
  formatNumber,
  formatRange,
} from '../../shared/format';
import { licenseKindLabel, levelsLabel } from '../../shared/labels';
import { useCategoryTitle } from '../../shared/pricing';
import { Badge } from '../../shared/ui/badge';
import { Section, Stat, useDocumentTitle } from '../../shared/ui/page-header';
import { EmptyState, SkeletonRows } from '../../shared/ui/states';
import { Time } from '../../shared/ui/time';
import { CreditLots } from '../account/credit-lots';
import { createPortalClient } from './portal-client';

const LAPSE_DAYS = 30;

// One request, one compiled SQL statement on the gateway (the link sees
// exactly one account, so `accounts` is that account).
const PortalPageQuery = graphql(`
  query PortalPage {
    accounts(first: 1) {
      nodes {
        id
        name
        balance
        expiringCredits(withinDays: 30)
        creditLots {
          id
          remainingCredits
          expiresAt
          ...CreditLotRow
        }
        licenses {
          id
          domain
          edition
          hostingPlan
          creditsGranted
          grantNote
          includedLevels
        }
        openTickets: tickets(status: OPEN, first: 20) {
          totalCount
          nodes {
            id
            subject
            category
            openedAt
            price {
              min
              max
              included
            }
          }
        }
        receipts(first: 10) {
          totalCount
          nodes {
            id
            kind
            credits
            expiresAt
            amountPaidCents
            currency
            paymentReference
            note
            balanceAfter
            createdAt
          }
        }
        statements(first: 10) {
          totalCount
          nodes {
            id
            kind
            credits
            balanceAfter
            message
            createdAt
            ticket {
              id
              subject
            }
          }
        }
      }
    }
  }
`);

type Account = PortalData['accounts']['nodes'][number];

/** /portal/:token — a customer's read-only page of its account, opened from a link in an e-mail. */
export function PortalPage() {
  const { token = '' } = useParams();
  const client = useMemo(() => createPortalClient(token), [token]);
  return (
    <ApolloProvider client={client}>
      <main className="portal">
        <p className="portal-brand">Support credits</p>
        <PortalContent />
      </main>
    </ApolloProvider>
  );
}

export function PortalContent() {
  const { data, error, loading, refetch } = useQuery(PortalPageQuery, {
    fetchPolicy: 'cache-and-network',
  });
  useDocumentTitle('Your support account');
  const account = data?.accounts.nodes[0];
  if (account) return <AccountView account={account} />;
  if (toAppError(error)?.code === 'UNAUTHENTICATED') {
    return (
      <div className="notice notice-error" role="alert" data-testid="portal-refused">
        <p className="notice-title">This link no longer works</p>
        <p className="notice-detail">
          It has expired or was withdrawn. Every e-mail we send you carries a fresh link: open the
          one in your newest e-mail, or ask support for a new link.
        </p>
      </div>
    );
  }
  if (error) {
    return (
      <div className="notice notice-error" role="alert">
        <p className="notice-title">Your account could not be loaded</p>
        <p className="notice-detail">{toAppError(error)?.message ?? error.message}</p>
        <div className="notice-actions">
          <button type="button" className="button button-small" onClick={() => void refetch()}>
            Try again
          </button>
        </div>
      </div>
    );
  }
  if (loading) return <SkeletonRows rows={6} label="Loading your account" />;
  return <EmptyState title="No account">This link opens no account.</EmptyState>;
}

function AccountView({ account }: { account: Account }) {
  const categoryTitle = useCategoryTitle();
  const now = new Date();
  // Lots whose credits lapse within 30 days, soonest first (the server's total beside them).
  const lapsing = account.creditLots
    .filter(
      (l) =>
        l.remainingCredits > 0 && l.expiresAt !== null && daysUntil(l.expiresAt, now) <= LAPSE_DAYS,
    )
    .sort((a, b) => (a.expiresAt! < b.expiresAt! ? -1 : 1));
  return (
    <>
      <header className="portal-header">
        <h1>{account.name}</h1>
        <p className="muted">
          Your support credits as of <Time iso={now.toISOString()} />. This page is read only.
        </p>
      </header>

      <div className="stats portal-stats" aria-label="Summary">
        <Stat
          label="Balance"
          value={<span data-testid="portal-balance">{formatNumber(account.balance)}</span>}
          hint="credits you can spend now"
        />
        <Stat
          label={`Lapse within ${LAPSE_DAYS} days`}
          value={<span data-testid="portal-lapsing">{formatNumber(account.expiringCredits)}</span>}
          hint={account.expiringCredits > 0 ? 'use them before they expire' : 'nothing lapses soon'}
          tone={account.expiringCredits > 0 ? 'warning' : undefined}
        />
      </div>

      {lapsing.length > 0 ? (
        <Section id="lapsing" title={`Credits that lapse within ${LAPSE_DAYS} days`}>
          <ul className="portal-list">
            {lapsing.map((l) => (
              <li key={l.id} className="portal-item">
                <strong>{formatCredits(l.remainingCredits)}</strong> expire on{' '}
                {formatDate(l.expiresAt!)}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section id="lots" title="Your credits">
        <p className="portal-lead muted small">Spent in this order: the soonest to expire first.</p>
        <CreditLots lots={account.creditLots} now={now} />
      </Section>

      <Section
        id="tickets"
        title="Open tickets"
        actions={<span className="muted small">{account.openTickets.totalCount} open</span>}
      >
        {account.openTickets.nodes.length === 0 ? (
          <EmptyState title="No open tickets" />
        ) : (
          <ul className="portal-list">
            {account.openTickets.nodes.map((t) => (
              <li key={t.id} className="portal-item" data-testid="portal-ticket">
                <div className="portal-line">
                  <strong>{t.subject}</strong>
                  <Badge tone={t.price.included ? 'success' : 'info'}>
                    {t.price.included ? 'Included' : `Quote: ${formatRange(t.price)}`}
                  </Badge>
                </div>
                <div className="muted small">
                  {categoryTitle(t.category)} · opened <Time iso={t.openedAt} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="licenses" title="Licenses">
        {account.licenses.length === 0 ? (
          <EmptyState title="No licenses" />
        ) : (
          <ul className="portal-list">
            {account.licenses.map((l) => (
              <li key={l.id} className="portal-item" data-testid="portal-license">
                <div className="portal-line">
                  <strong>{l.domain}</strong>
                  <Badge tone={l.creditsGranted > 0 ? 'success' : 'neutral'}>
                    {formatCredits(l.creditsGranted)} granted
                  </Badge>
                </div>
                <div className="muted small">
                  {licenseKindLabel(l.edition, l.hostingPlan)} · included support:{' '}
                  {levelsLabel(l.includedLevels)}
                </div>
                <p className="portal-note">{l.grantNote}</p>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="receipts" title="Receipts">
        {account.receipts.nodes.length === 0 ? (
          <EmptyState title="No receipts yet" />
        ) : (
          <ul className="portal-list">
            {account.receipts.nodes.map((r) => (
              <li key={r.id} className="portal-item" data-testid="portal-receipt">
                <div className="portal-line">
                  <strong>
                    {r.kind === 'PURCHASE' ? 'Purchase' : 'License grant'}:{' '}
                    {formatCredits(r.credits)}
                  </strong>
                  <span>
                    {r.amountPaidCents !== null && r.currency
                      ? formatMoney(r.amountPaidCents, r.currency)
                      : r.kind === 'GRANT'
                        ? 'included'
                        : ''}
                  </span>
                </div>
                <div className="muted small">
                  <Time iso={r.createdAt} />
                  {r.credits > 0
                    ? r.expiresAt
                      ? ` · expire ${formatDate(r.expiresAt)}`
                      : ' · never expire'
                    : ''}
                  {r.paymentReference ? ` · ${r.paymentReference}` : ''} · balance after{' '}
                  {formatCredits(r.balanceAfter)}
                </div>
                {r.note ? <p className="portal-note">{r.note}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="statements" title="Statements">
        {account.statements.nodes.length === 0 ? (
          <EmptyState title="No statements yet">
            One is sent after every charge and refund.
          </EmptyState>
        ) : (
          <ul className="portal-list">
            {account.statements.nodes.map((s) => (
              <li key={s.id} className="portal-item" data-testid="portal-statement">
                <div className="portal-line">
                  <strong>{s.ticket.subject}</strong>
                  <Badge tone={s.kind === 'CHARGE' ? 'info' : 'warning'}>
                    {s.kind === 'CHARGE' ? 'Charged' : 'Refunded'} {formatCredits(s.credits)}
                  </Badge>
                </div>
                <p className="portal-note">{s.message}</p>
                <div className="muted small">
                  <Time iso={s.createdAt} /> · balance after {formatCredits(s.balanceAfter)}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
