import type { ApolloCache } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { formatCredits } from '../../shared/format';
import { useToast } from '../../shared/ui/toast';

export const ChargeTicketMutation = graphql(`
  mutation ChargeTicket($input: ChargeTicketInput!) {
    chargeTicket(input: $input) {
      id
      credits
      included
      balanceAfter
      ticket {
        id
        status
      }
      account {
        id
        balance
      }
    }
  }
`);

const RefundTicketMutation = graphql(`
  mutation RefundTicket($input: RefundTicketInput!) {
    refundTicket(input: $input) {
      id
      credits
      balanceAfter
      ticket {
        id
        status
      }
      charge {
        id
        refunded
      }
    }
  }
`);

// Lists that a charge or refund changes; dropped so they reload when next shown.
const ACCOUNT_FIELDS = [
  'ledger',
  'creditLots',
  'statements',
  'tickets',
  'charges',
  'expiringCredits',
];

// A charge and a refund move the same credits, so they leave the same things stale:
// the ticket page is refetched before the panel settles, the rest reloads when shown.
function afterCreditsMoved(accountId: string) {
  return {
    // The queue refetches too: a charged ticket leaves its "open" tab at once.
    refetchQueries: ['TicketPage', 'TicketQueue'],
    awaitRefetchQueries: true,
    update(cache: ApolloCache) {
      const id = cache.identify({ __typename: 'Account', id: accountId });
      for (const fieldName of ACCOUNT_FIELDS) cache.evict({ id, fieldName });
      cache.evict({ fieldName: 'charges' });
      cache.evict({ fieldName: 'chargeSummary' });
      cache.evict({ fieldName: 'ticketCounts' });
      cache.evict({ fieldName: 'auditEvents' });
    },
  };
}

export function useChargeTicket(accountId: string) {
  const toast = useToast();
  const [mutate, state] = useMutation(ChargeTicketMutation, afterCreditsMoved(accountId));
  async function chargeTicket(ticketId: string, credits: number, idempotencyKey: string) {
    const { data } = await mutate({ variables: { input: { ticketId, credits, idempotencyKey } } });
    if (!data) throw new Error('No answer from the gateway');
    const c = data.chargeTicket;
    toast(
      c.included
        ? 'Included ticket recorded (0 credits)'
        : `Charged ${formatCredits(c.credits)}; balance now ${formatCredits(c.balanceAfter)}`,
    );
    return c;
  }
  return { chargeTicket, loading: state.loading, error: state.error, reset: state.reset };
}

export function useRefundTicket(accountId: string) {
  const toast = useToast();
  const [mutate, state] = useMutation(RefundTicketMutation, afterCreditsMoved(accountId));
  async function refundTicket(ticketId: string, reason: string) {
    const { data } = await mutate({ variables: { input: { ticketId, reason } } });
    if (!data) throw new Error('No answer from the gateway');
    toast(
      `Refunded ${formatCredits(data.refundTicket.credits)}; balance now ${formatCredits(data.refundTicket.balanceAfter)}`,
    );
    return data.refundTicket;
  }
  return { refundTicket, loading: state.loading, error: state.error };
}
