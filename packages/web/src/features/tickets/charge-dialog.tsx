import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../shared/error-notice';
import { formatRange } from '../../shared/format';
import { Modal } from '../../shared/ui/modal';
import { SkeletonRows } from '../../shared/ui/states';
import { ChargePanel } from '../ticket/charge-panel';

const ChargeDialogQuery = graphql(`
  query ChargeDialog($id: ID!) {
    ticket(id: $id) {
      id
      subject
      status
      price {
        min
        max
        included
      }
      account {
        id
        name
        balance
      }
    }
  }
`);

/** The ticket page's charge panel, over the queue: the balance is read fresh when it opens. */
export function ChargeDialog({
  ticketId,
  onClose,
  onCharged,
}: {
  ticketId: string;
  onClose: () => void;
  onCharged: () => void;
}) {
  const { data, error, refetch } = useQuery(ChargeDialogQuery, {
    variables: { id: ticketId },
    fetchPolicy: 'network-only',
  });
  const t = data?.ticket;
  return (
    <Modal
      title="Charge ticket"
      description={t ? `${t.subject} · ${t.account.name} · ${formatRange(t.price)}` : undefined}
      onClose={onClose}
    >
      {error && !data ? (
        <ErrorNotice error={error} onRetry={() => void refetch()} compact />
      ) : !t ? (
        <SkeletonRows rows={3} label="Loading ticket" />
      ) : t.status !== 'OPEN' ? (
        <p>This ticket is already charged.</p>
      ) : (
        <ChargePanel
          ticketId={t.id}
          accountId={t.account.id}
          balance={t.account.balance}
          price={t.price}
          onCharged={onCharged}
        />
      )}
    </Modal>
  );
}
