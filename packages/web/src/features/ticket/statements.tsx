import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { LotSource } from '../../gql/graphql';
import { formatCredits, formatDate, formatNumber } from '../../shared/format';
import { lotSourceLabel } from '../../shared/labels';
import { Time } from '../../shared/ui/time';

export const ChargeStatementFragment = graphql(`
  fragment ChargeStatement on Charge {
    id
    credits
    included
    balanceAfter
    refunded
    createdAt
    allocations {
      credits
      lot {
        id
        source
        expiresAt
        expired
        paymentReference
        license {
          id
          domain
        }
      }
    }
  }
`);

export const RefundStatementFragment = graphql(`
  fragment RefundStatement on Refund {
    id
    credits
    reason
    balanceAfter
    createdAt
    allocations {
      credits
      lot {
        id
        source
        expiresAt
        createdAt
        paymentReference
        license {
          id
          domain
        }
      }
    }
  }
`);

interface AllocationView {
  credits: number;
  lot: {
    id: string;
    source: LotSource;
    expiresAt?: string | null;
    license?: { domain: string } | null;
    paymentReference?: string | null;
  };
}

function lotName(lot: AllocationView['lot']): string {
  const origin =
    lot.source === 'LICENSE_GRANT' && lot.license
      ? ` (${lot.license.domain})`
      : lot.source === 'PURCHASE' && lot.paymentReference
        ? ` (${lot.paymentReference})`
        : '';
  return `${lotSourceLabel(lot.source)}${origin}`;
}

function Allocations({ items, verb }: { items: readonly AllocationView[]; verb: string }) {
  if (items.length === 0) return null;
  return (
    <table className="table table-compact" aria-label={`Lots ${verb}`}>
      <thead>
        <tr>
          <th scope="col">Lot</th>
          <th scope="col">Expiry</th>
          <th scope="col" className="num">
            Credits
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr key={a.lot.id}>
            <td>{lotName(a.lot)}</td>
            <td className="muted nowrap">
              {a.lot.expiresAt ? formatDate(a.lot.expiresAt) : 'Never'}
            </td>
            <td className="num">{formatNumber(a.credits)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** After a charge: credits charged, lots drawn from, balance after (P12, P18). */
export function ChargeStatement(props: { charge: FragmentType<typeof ChargeStatementFragment> }) {
  const c = getFragmentData(ChargeStatementFragment, props.charge);
  return (
    <div className="statement" data-testid="charge-statement">
      <dl className="figures">
        <div>
          <dt>Credits charged</dt>
          <dd data-testid="charged-credits">
            {c.included ? '0 (included)' : formatNumber(c.credits)}
          </dd>
        </div>
        <div>
          <dt>Balance after</dt>
          <dd data-testid="balance-after">{formatNumber(c.balanceAfter)}</dd>
        </div>
        <div>
          <dt>Charged</dt>
          <dd className="figure-date">
            <Time iso={c.createdAt} />
          </dd>
        </div>
      </dl>
      {c.included ? (
        <p className="muted small">Included support: no lot was drawn from.</p>
      ) : (
        <>
          <p className="small muted">Drawn from, soonest-expiring first:</p>
          <Allocations items={c.allocations} verb="drawn from" />
        </>
      )}
    </div>
  );
}

/** After a refund: credits given back, where they went, the reason, balance after (P15-P16). */
export function RefundStatement(props: { refund: FragmentType<typeof RefundStatementFragment> }) {
  const r = getFragmentData(RefundStatementFragment, props.refund);
  return (
    <div className="statement" data-testid="refund-statement">
      <dl className="figures">
        <div>
          <dt>Credits refunded</dt>
          <dd data-testid="refunded-credits">{formatNumber(r.credits)}</dd>
        </div>
        <div>
          <dt>Balance after</dt>
          <dd>{formatNumber(r.balanceAfter)}</dd>
        </div>
        <div>
          <dt>Refunded</dt>
          <dd className="figure-date">
            <Time iso={r.createdAt} />
          </dd>
        </div>
      </dl>
      <p className="small">
        <span className="muted">Reason:</span> {r.reason}
      </p>
      <p className="small muted">Returned to ({formatCredits(r.credits)} in all):</p>
      <Allocations items={r.allocations} verb="refunded into" />
    </div>
  );
}
