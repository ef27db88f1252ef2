import { Link } from 'react-router';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatNumber, formatRange } from '../../shared/format';
import { Time } from '../../shared/ui/time';
import { levelLabel, statusLabel } from '../../shared/labels';
import { Badge, type Tone } from '../../shared/ui/badge';
import { useCategoryTitle } from '../../shared/pricing';

export const TicketRowFragment = graphql(`
  fragment TicketRow on Ticket {
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
    charge {
      id
      credits
    }
    license {
      id
      domain
    }
  }
`);

export const statusTone: Record<string, Tone> = {
  OPEN: 'info',
  CHARGED: 'success',
  REFUNDED: 'warning',
};

export function TicketTable(props: { tickets: readonly FragmentType<typeof TicketRowFragment>[] }) {
  const categoryLabel = useCategoryTitle();
  const tickets = props.tickets.map((t) => getFragmentData(TicketRowFragment, t));
  return (
    <div className="table-wrap">
      <table className="table table-stack" aria-label="Tickets">
        <thead>
          <tr>
            <th scope="col">Ticket</th>
            <th scope="col">Category</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Credits
            </th>
            <th scope="col">Opened</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((t) => (
            <tr key={t.id}>
              <td data-label="Ticket">
                <Link className="strong-link" to={`/tickets/${encodeURIComponent(t.id)}`}>
                  {t.subject}
                </Link>
                <div className="muted small">{t.license.domain}</div>
              </td>
              <td data-label="Category">
                {categoryLabel(t.category)}
                <div className="muted small">{levelLabel(t.level)}</div>
              </td>
              <td data-label="Status">
                <Badge tone={statusTone[t.status] ?? 'neutral'}>{statusLabel(t.status)}</Badge>
              </td>
              <td data-label="Credits" className="num">
                {t.charge ? (
                  formatNumber(t.charge.credits)
                ) : (
                  <span className="muted">{formatRange(t.price)}</span>
                )}
              </td>
              <td data-label="Opened" className="muted">
                <Time iso={t.openedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
