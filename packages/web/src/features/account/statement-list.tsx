import { Link } from 'react-router';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatCredits, formatDateTime } from '../../shared/format';
import { Badge } from '../../shared/ui/badge';
import { EmptyState } from '../../shared/ui/states';

export const StatementItemFragment = graphql(`
  fragment StatementItem on Statement {
    id
    kind
    credits
    balanceAfter
    message
    createdAt
    deliveredAt
    ticket {
      id
      subject
    }
  }
`);

/** What the customer was told after each charge and refund (P18). */
export function StatementList(props: {
  statements: readonly FragmentType<typeof StatementItemFragment>[];
}) {
  const items = props.statements.map((s) => getFragmentData(StatementItemFragment, s));
  if (items.length === 0)
    return (
      <EmptyState title="No statements yet">One is sent after every charge and refund.</EmptyState>
    );
  return (
    <ul className="statements">
      {items.map((s) => (
        <li key={s.id} className="statement-item">
          <div className="statement-line">
            <Badge tone={s.kind === 'CHARGE' ? 'info' : 'warning'}>
              {s.kind === 'CHARGE' ? 'Charge' : 'Refund'}
            </Badge>
            <span>
              {formatCredits(s.credits)} · balance after {formatCredits(s.balanceAfter)}
            </span>
            <Badge tone={s.deliveredAt ? 'success' : 'neutral'}>
              {s.deliveredAt ? 'Delivered' : 'Queued'}
            </Badge>
          </div>
          <p className="statement-message">{s.message}</p>
          <div className="muted small">
            <Link to={`/tickets/${encodeURIComponent(s.ticket.id)}`}>{s.ticket.subject}</Link> ·{' '}
            {formatDateTime(s.createdAt)}
          </div>
        </li>
      ))}
    </ul>
  );
}
