import { Link } from 'react-router';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatNumber } from '../../shared/format';
import { licenseKindLabel } from '../../shared/labels';
import { Badge } from '../../shared/ui/badge';
import { Time } from '../../shared/ui/time';
import { useCategoryTitle } from '../../shared/pricing';

export const ChargeTableRowFragment = graphql(`
  fragment ChargeTableRow on Charge {
    id
    createdAt
    credits
    included
    refunded
    account {
      id
      name
    }
    ticket {
      id
      subject
      category
      license {
        id
        edition
        hostingPlan
      }
    }
  }
`);

export function ChargeRow(props: { charge: FragmentType<typeof ChargeTableRowFragment> }) {
  const categoryLabel = useCategoryTitle();
  const c = getFragmentData(ChargeTableRowFragment, props.charge);
  return (
    <tr>
      <td className="nowrap muted">
        <Time iso={c.createdAt} />
      </td>
      <td>
        <Link to={`/accounts/${encodeURIComponent(c.account.id)}`}>{c.account.name}</Link>
      </td>
      <td>
        <Link to={`/tickets/${encodeURIComponent(c.ticket.id)}`}>{c.ticket.subject}</Link>
        <div className="muted small">{categoryLabel(c.ticket.category)}</div>
      </td>
      <td>{licenseKindLabel(c.ticket.license.edition, c.ticket.license.hostingPlan)}</td>
      <td className="num strong">{formatNumber(c.credits)}</td>
      <td>
        {c.included ? <Badge tone="success">Included</Badge> : null}
        {c.refunded ? <Badge tone="warning">Refunded</Badge> : null}
      </td>
    </tr>
  );
}
