import { Link } from 'react-router';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatCredits, formatDate, formatNumber } from '../../shared/format';
import { licenseKindLabel } from '../../shared/labels';
import { Badge } from '../../shared/ui/badge';

export const AccountRowFragment = graphql(`
  fragment AccountRow on Account {
    id
    name
    email
    createdAt
    balance
    expiringCredits(withinDays: 30)
    licenses {
      id
      edition
      hostingPlan
    }
  }
`);

export function AccountRow(props: { account: FragmentType<typeof AccountRowFragment> }) {
  const a = getFragmentData(AccountRowFragment, props.account);
  const kinds = new Map<string, number>();
  for (const l of a.licenses) {
    const k = licenseKindLabel(l.edition, l.hostingPlan);
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  return (
    <tr>
      <td>
        <Link className="strong-link" to={`/accounts/${encodeURIComponent(a.id)}`}>
          {a.name}
        </Link>
        <div className="muted small">{a.email}</div>
      </td>
      <td className="num">
        <span className="strong">{formatNumber(a.balance)}</span>
      </td>
      <td>
        {a.licenses.length === 0 ? (
          <span className="muted">None</span>
        ) : (
          <div className="badge-list">
            {[...kinds.entries()].map(([k, n]) => (
              <Badge key={k}>{n > 1 ? `${n} × ${k}` : k}</Badge>
            ))}
          </div>
        )}
      </td>
      <td className="num">
        {a.expiringCredits > 0 ? (
          <Badge tone="warning" title="Credits in lots that expire within 30 days">
            {formatCredits(a.expiringCredits)}
          </Badge>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="nowrap muted">{formatDate(a.createdAt)}</td>
    </tr>
  );
}
