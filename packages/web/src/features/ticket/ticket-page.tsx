import { Link, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useCan } from '../../app/auth/auth-context';
import { ErrorNotice } from '../../shared/error-notice';
import { formatCredits, formatRange } from '../../shared/format';
import { levelLabel, levelsLabel, licenseKindLabel, statusLabel } from '../../shared/labels';
import { Badge } from '../../shared/ui/badge';
import { PageHeader, Section } from '../../shared/ui/page-header';
import { EmptyState, SkeletonRows } from '../../shared/ui/states';
import { statusTone } from '../account/ticket-list';
import { ChargePanel } from './charge-panel';
import { RefundPanel } from './refund-panel';
import { ChargeStatement, RefundStatement } from './statements';
import { StatusHistory } from './status-history';
import { Time } from '../../shared/ui/time';
import { useCategoryTitle } from '../../shared/pricing';

const TicketPageQuery = graphql(`
  query TicketPage($id: ID!) {
    ticket(id: $id) {
      id
      subject
      category
      level
      status
      openedAt
      price {
        min
        max
        included
      }
      license {
        id
        domain
        edition
        hostingPlan
        includedLevels
      }
      account {
        id
        name
        balance
      }
      charge {
        id
        credits
        included
        refunded
        ...ChargeStatement
      }
      refund {
        id
        ...RefundStatement
      }
      history {
        status
        at
        note
      }
    }
  }
`);

export function TicketPage() {
  const categoryLabel = useCategoryTitle();
  const { ticketId = '' } = useParams();
  const canCharge = useCan('CHARGE_TICKET');
  const canRefund = useCan('REFUND_TICKET');
  const { data, error, loading, refetch } = useQuery(TicketPageQuery, {
    variables: { id: ticketId },
    fetchPolicy: 'cache-and-network',
  });
  const t = data?.ticket;

  if (!t) {
    return (
      <div className="page">
        <PageHeader title="Ticket" breadcrumb={<Link to="/accounts">Accounts</Link>} />
        {error ? (
          <ErrorNotice error={error} onRetry={() => void refetch()} />
        ) : loading ? (
          <div className="card">
            <SkeletonRows rows={6} label="Loading ticket" />
          </div>
        ) : (
          <EmptyState
            title="Ticket not found"
            action={
              <Link className="button" to="/accounts">
                Back to accounts
              </Link>
            }
          >
            No ticket has this id, or your key may not see it.
          </EmptyState>
        )}
      </div>
    );
  }

  const refundable =
    t.status === 'CHARGED' && t.charge && !t.charge.included && t.charge.credits > 0 && !t.refund;

  return (
    <div className="page">
      <PageHeader
        documentTitle={`${t.subject} · Ticket`}
        breadcrumb={
          <>
            <Link to="/accounts">Accounts</Link>
            <span aria-hidden="true"> / </span>
            <Link to={`/accounts/${encodeURIComponent(t.account.id)}`}>{t.account.name}</Link>
          </>
        }
        title={
          <>
            {t.subject}{' '}
            <Badge tone={statusTone[t.status] ?? 'neutral'}>
              <span data-testid="ticket-status">{statusLabel(t.status)}</span>
            </Badge>
          </>
        }
        subtitle={
          <>
            Opened <Time iso={t.openedAt} />
          </>
        }
      />
      {error ? <ErrorNotice error={error} compact onRetry={() => void refetch()} /> : null}
      <div className="columns">
        <div className="column">
          <Section title="Details">
            <dl className="meta-grid meta-grid-2">
              <div>
                <dt>Category</dt>
                <dd>{categoryLabel(t.category)}</dd>
              </div>
              <div>
                <dt>Support level</dt>
                <dd>{levelLabel(t.level)}</dd>
              </div>
              <div>
                <dt>License</dt>
                <dd>
                  {t.license.domain}
                  <div className="muted small">
                    {licenseKindLabel(t.license.edition, t.license.hostingPlan)}
                  </div>
                </dd>
              </div>
              <div>
                <dt>Included with license</dt>
                <dd>{levelsLabel(t.license.includedLevels)}</dd>
              </div>
              <div>
                <dt>Price range</dt>
                <dd data-testid="price-range">{formatRange(t.price)}</dd>
              </div>
              <div>
                <dt>Included?</dt>
                <dd>
                  {t.price.included ? (
                    <Badge tone="success">Yes, no charge</Badge>
                  ) : (
                    'No, charged in credits'
                  )}
                </dd>
              </div>
              <div>
                <dt>Account balance</dt>
                <dd>{formatCredits(t.account.balance)}</dd>
              </div>
            </dl>
          </Section>
          <Section title="Status history">
            <StatusHistory events={t.history} />
          </Section>
        </div>
        <div className="column">
          {/* The route keeps this page mounted from one ticket to the next; keyed
              panels start empty instead of carrying a cost or reason across. */}
          {t.status === 'OPEN' ? (
            <Section title="Charge">
              {canCharge ? (
                <ChargePanel
                  key={t.id}
                  ticketId={t.id}
                  accountId={t.account.id}
                  balance={t.account.balance}
                  price={t.price}
                />
              ) : (
                <p className="muted">
                  Waiting for a support specialist to set the final cost ({formatRange(t.price)})
                  and charge it.
                </p>
              )}
            </Section>
          ) : null}
          {t.charge ? (
            <Section title="Charge statement">
              <ChargeStatement charge={t.charge} />
            </Section>
          ) : null}
          {t.refund ? (
            <Section title="Refund statement">
              <RefundStatement refund={t.refund} />
            </Section>
          ) : null}
          {refundable && canRefund && t.charge ? (
            <Section title="Refund a vendor bug">
              <RefundPanel
                key={t.id}
                ticketId={t.id}
                accountId={t.account.id}
                credits={t.charge.credits}
              />
            </Section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
