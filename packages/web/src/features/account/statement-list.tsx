import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { useCan } from '../../app/auth/auth-context';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { StatementDeliveryStatus } from '../../gql/graphql';
import { formatCredits } from '../../shared/format';
import { Badge, type Tone } from '../../shared/ui/badge';
import { EmptyState } from '../../shared/ui/states';
import { useToast } from '../../shared/ui/toast';
import { Time } from '../../shared/ui/time';

export const StatementItemFragment = graphql(`
  fragment StatementItem on Statement {
    id
    kind
    credits
    balanceAfter
    message
    createdAt
    deliveredAt
    delivery {
      status
      attempts
      nextAttemptAt
      lastError
    }
    ticket {
      id
      subject
    }
  }
`);

const ResendStatementMutation = graphql(`
  mutation ResendStatement($id: ID!) {
    resendStatement(id: $id) {
      id
      deliveredAt
      delivery {
        status
        attempts
        nextAttemptAt
        lastError
      }
    }
  }
`);

const deliveryLabel: Record<StatementDeliveryStatus, [string, Tone]> = {
  QUEUED: ['Queued', 'neutral'],
  SENT: ['Sent', 'success'],
  RETRYING: ['Retrying', 'warning'],
  FAILED: ['Failed', 'danger'],
};

/** What the customer was told after each charge and refund (P18), and whether the e-mail left. */
export function StatementList(props: {
  statements: readonly FragmentType<typeof StatementItemFragment>[];
}) {
  const items = props.statements.map((s) => getFragmentData(StatementItemFragment, s));
  const canResend = useCan('RESEND_STATEMENT');
  const toast = useToast();
  const [resend, resending] = useMutation(ResendStatementMutation);
  if (items.length === 0)
    return (
      <EmptyState title="No statements yet">One is sent after every charge and refund.</EmptyState>
    );
  return (
    <ul className="statements">
      {items.map((s) => {
        const [label, tone] = deliveryLabel[s.delivery.status];
        return (
          <li key={s.id} className="statement-item" data-testid="statement">
            <div className="statement-line">
              <Badge tone={s.kind === 'CHARGE' ? 'info' : 'warning'}>
                {s.kind === 'CHARGE' ? 'Charge' : 'Refund'}
              </Badge>
              <span>
                {formatCredits(s.credits)} · balance after {formatCredits(s.balanceAfter)}
              </span>
              <Badge tone={tone} title={s.delivery.lastError ?? undefined}>
                <span data-testid="statement-delivery">{label}</span>
              </Badge>
              {canResend ? (
                <button
                  type="button"
                  className="button button-ghost button-small"
                  disabled={resending.loading}
                  onClick={() =>
                    void resend({ variables: { id: s.id } }).then(
                      () => toast('Statement queued to be sent again'),
                      (e: unknown) => toast(`Resend failed: ${String(e)}`),
                    )
                  }
                >
                  Resend
                </button>
              ) : null}
            </div>
            <p className="statement-message">{s.message}</p>
            {s.delivery.status === 'RETRYING' || s.delivery.status === 'FAILED' ? (
              <p className="muted small" data-testid="statement-delivery-detail">
                {s.delivery.status === 'RETRYING' ? (
                  <>
                    Attempt {s.delivery.attempts} failed; next try{' '}
                    {s.delivery.nextAttemptAt ? <Time iso={s.delivery.nextAttemptAt} /> : 'soon'}
                    .{' '}
                  </>
                ) : (
                  `Gave up after ${s.delivery.attempts} attempt(s). `
                )}
                {s.delivery.lastError}
              </p>
            ) : null}
            <div className="muted small">
              <Link to={`/tickets/${encodeURIComponent(s.ticket.id)}`}>{s.ticket.subject}</Link> ·{' '}
              <Time iso={s.createdAt} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
