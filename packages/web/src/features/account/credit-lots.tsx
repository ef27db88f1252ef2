import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { CreditLotRowFragment as Lot } from '../../gql/graphql';
import { daysUntil, describeExpiry, formatDate, formatNumber } from '../../shared/format';
import { lotSourceLabel } from '../../shared/labels';
import { Badge } from '../../shared/ui/badge';
import { EmptyState } from '../../shared/ui/states';

export const CreditLotRowFragment = graphql(`
  fragment CreditLotRow on CreditLot {
    id
    source
    originalCredits
    remainingCredits
    spentCredits
    refundedCredits
    expiredCredits
    createdAt
    expiresAt
    expired
    paymentReference
    license {
      id
      domain
    }
  }
`);

/** The order credits are spent in (P12): soonest expiry first, never-expiring last, older first on ties. */
export function spendOrder(
  a: Pick<Lot, 'expired' | 'expiresAt' | 'createdAt'>,
  b: Pick<Lot, 'expired' | 'expiresAt' | 'createdAt'>,
): number {
  if (a.expired !== b.expired) return a.expired ? 1 : -1;
  if (a.expiresAt && b.expiresAt && a.expiresAt !== b.expiresAt)
    return a.expiresAt < b.expiresAt ? -1 : 1;
  if (a.expiresAt && !b.expiresAt) return -1;
  if (!a.expiresAt && b.expiresAt) return 1;
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}

function origin(l: Lot): string {
  if (l.source === 'LICENSE_GRANT')
    return l.license ? `License ${l.license.domain}` : 'License grant';
  if (l.source === 'PURCHASE')
    return l.paymentReference ? `Payment ${l.paymentReference}` : 'Purchase';
  return 'Refunded after its lot expired';
}

export function CreditLots(props: {
  lots: readonly FragmentType<typeof CreditLotRowFragment>[];
  now?: Date;
}) {
  const now = props.now ?? new Date();
  const lots = props.lots
    .map((l) => getFragmentData(CreditLotRowFragment, l))
    .slice()
    .sort(spendOrder);
  if (lots.length === 0) {
    return (
      <EmptyState title="No credit lots">
        Credits arrive with a license grant or a purchase.
      </EmptyState>
    );
  }
  return (
    <ul className="lots" aria-label="Credit lots, in the order they are spent">
      {lots.map((l) => {
        const pct =
          l.originalCredits > 0 ? Math.round((l.remainingCredits * 100) / l.originalCredits) : 0;
        const soon = !l.expired && l.expiresAt ? daysUntil(l.expiresAt, now) <= 30 : false;
        return (
          <li
            key={l.id}
            className={`lot${l.expired ? ' lot-expired' : ''}`}
            data-lot-source={l.source}
          >
            <div className="lot-head">
              <div>
                <span className="lot-source">{lotSourceLabel(l.source)}</span>
                <span className="muted small"> · {origin(l)}</span>
              </div>
              <div className="lot-amount">
                <strong>{formatNumber(l.remainingCredits)}</strong>
                <span className="muted"> of {formatNumber(l.originalCredits)}</span>
              </div>
            </div>
            <div
              className="meter"
              role="meter"
              aria-valuemin={0}
              aria-valuemax={l.originalCredits}
              aria-valuenow={l.remainingCredits}
              aria-label={`${l.remainingCredits} of ${l.originalCredits} credits remaining`}
            >
              <div className="meter-fill" style={{ width: `${pct}%` }} />
            </div>
            <div className="lot-foot small">
              {l.expired ? (
                <span>
                  Expired {l.expiresAt ? formatDate(l.expiresAt) : ''}
                  {l.expiredCredits > 0 ? ` · ${formatNumber(l.expiredCredits)} lost` : ''}
                </span>
              ) : l.expiresAt ? (
                <span>
                  Expires {formatDate(l.expiresAt)}{' '}
                  <Badge tone={soon ? 'warning' : 'neutral'}>
                    {describeExpiry(l.expiresAt, now)}
                  </Badge>
                </span>
              ) : (
                <span>Never expires</span>
              )}
              <span className="muted">
                {l.spentCredits > 0 ? `${formatNumber(l.spentCredits)} spent` : ''}
                {l.refundedCredits > 0 ? ` · ${formatNumber(l.refundedCredits)} refunded back` : ''}
              </span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
