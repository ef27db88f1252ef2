import { graphql, getFragmentData, type FragmentType } from '../../gql';
import {
  describeExpiry,
  discountBasisPoints,
  formatBasisPoints,
  formatCents,
  formatCredits,
  formatDate,
} from '../../shared/format';
import { licenseKindLabel, levelsLabel } from '../../shared/labels';
import { Badge } from '../../shared/ui/badge';

export const LicenseCardFragment = graphql(`
  fragment LicenseCard on License {
    id
    edition
    hostingPlan
    domain
    orderDate
    listPriceCents
    paidPriceCents
    creditsGranted
    grantNote
    includedLevels
    creditLot {
      id
      expiresAt
      expired
    }
  }
`);

export function LicenseCard(props: { license: FragmentType<typeof LicenseCardFragment> }) {
  const l = getFragmentData(LicenseCardFragment, props.license);
  const bp = discountBasisPoints(l.listPriceCents, l.paidPriceCents);
  return (
    <li className="license">
      <div className="license-head">
        <div>
          <div className="license-domain">{l.domain}</div>
          <div className="muted small">
            {licenseKindLabel(l.edition, l.hostingPlan)} · ordered {formatDate(l.orderDate)}
          </div>
        </div>
        <Badge tone={l.creditsGranted > 0 ? 'success' : 'neutral'}>
          {formatCredits(l.creditsGranted)} granted
        </Badge>
      </div>
      <p className="license-note">{l.grantNote}</p>
      <dl className="meta-grid">
        <div>
          <dt>Included support</dt>
          <dd>{levelsLabel(l.includedLevels)}</dd>
        </div>
        <div>
          <dt>Price</dt>
          <dd>
            {formatCents(l.paidPriceCents)}
            {l.listPriceCents !== l.paidPriceCents ? (
              <span className="muted">
                {' '}
                of {formatCents(l.listPriceCents)}
                {bp !== null && bp > 0 ? ` (${formatBasisPoints(bp)} off)` : ''}
              </span>
            ) : null}
          </dd>
        </div>
        {l.creditLot ? (
          <div>
            <dt>Grant lot</dt>
            <dd className={l.creditLot.expired ? 'muted' : undefined}>
              {describeExpiry(l.creditLot.expiresAt)}
            </dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}
