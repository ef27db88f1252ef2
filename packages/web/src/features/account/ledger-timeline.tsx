import { Link } from 'react-router';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { LedgerEntryItemFragment as Entry } from '../../gql/graphql';
import { formatSignedCredits } from '../../shared/format';
import { ledgerKindLabel, lotSourceLabel } from '../../shared/labels';
import { EmptyState } from '../../shared/ui/states';
import { Time } from '../../shared/ui/time';

export const LedgerEntryItemFragment = graphql(`
  fragment LedgerEntryItem on LedgerEntry {
    id
    kind
    credits
    at
    lot {
      id
      source
      paymentReference
      license {
        id
        domain
      }
    }
    ticket {
      id
      subject
    }
  }
`);

function describe(e: Entry) {
  const ticket = e.ticket ? (
    <Link to={`/tickets/${encodeURIComponent(e.ticket.id)}`}>“{e.ticket.subject}”</Link>
  ) : null;
  switch (e.kind) {
    case 'GRANT':
      return <>Granted with license {e.lot.license?.domain ?? ''}</>;
    case 'PURCHASE':
      return <>Purchased{e.lot.paymentReference ? ` · payment ${e.lot.paymentReference}` : ''}</>;
    case 'CHARGE':
      return <>Charged for {ticket ?? 'a ticket'}</>;
    case 'REFUND':
      return <>Refunded for {ticket ?? 'a ticket'}</>;
    case 'EXPIRY':
      return <>Expired from a {lotSourceLabel(e.lot.source).toLowerCase()} lot</>;
    default:
      return <>{ledgerKindLabel(e.kind)}</>;
  }
}

export function LedgerTimeline(props: {
  entries: readonly FragmentType<typeof LedgerEntryItemFragment>[];
}) {
  const entries = props.entries.map((e) => getFragmentData(LedgerEntryItemFragment, e));
  if (entries.length === 0) {
    return (
      <EmptyState title="Nothing recorded yet">
        Grants, purchases, charges, refunds and expiries appear here.
      </EmptyState>
    );
  }
  return (
    <ol className="timeline" aria-label="Ledger, newest first">
      {entries.map((e) => (
        <li
          key={e.id}
          className={`timeline-item kind-${e.kind.toLowerCase()}`}
          data-ledger-kind={e.kind}
        >
          <span className="timeline-dot" aria-hidden="true" />
          <div className="timeline-body">
            <div className="timeline-line">
              <span className="timeline-kind">{ledgerKindLabel(e.kind)}</span>
              <span
                className={`timeline-credits ${e.credits > 0 ? 'pos' : e.credits < 0 ? 'neg' : ''}`}
              >
                {formatSignedCredits(e.credits)}
              </span>
            </div>
            <div className="small">{describe(e)}</div>
            <time className="muted small" dateTime={e.at}>
              <Time iso={e.at} />
            </time>
          </div>
        </li>
      ))}
    </ol>
  );
}
