import type { ApolloCache } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { IssueLicenseInput, OpenTicketInput, PurchaseCreditsInput } from '../../gql/graphql';
import { formatCredits } from '../../shared/format';
import { useToast } from '../../shared/ui/toast';

const IssueLicenseMutation = graphql(`
  mutation IssueLicense($input: IssueLicenseInput!) {
    issueLicense(input: $input) {
      id
      domain
      creditsGranted
      grantNote
    }
  }
`);

const PurchaseCreditsMutation = graphql(`
  mutation PurchaseCredits($input: PurchaseCreditsInput!) {
    purchaseCredits(input: $input) {
      id
      originalCredits
      remainingCredits
      paymentReference
      alreadyRecorded
    }
  }
`);

const OpenTicketMutation = graphql(`
  mutation OpenTicket($input: OpenTicketInput!) {
    openTicket(input: $input) {
      id
      subject
      status
    }
  }
`);

// The account page shows balances, lots and the ledger; each of these moves
// them, so its query is refetched before the dialog closes.
const refetchAccount = { refetchQueries: ['AccountPage'], awaitRefetchQueries: true };

// A license or a purchase also changes the account's balance and licenses as the
// accounts list shows them; the list is dropped so it reloads when next shown.
const refetchAccountAndList = {
  ...refetchAccount,
  update(cache: ApolloCache) {
    cache.evict({ fieldName: 'accounts' });
  },
};

export function useIssueLicense() {
  const toast = useToast();
  const [mutate, state] = useMutation(IssueLicenseMutation, refetchAccountAndList);
  async function issueLicense(input: IssueLicenseInput) {
    const { data } = await mutate({ variables: { input } });
    if (!data) throw new Error('No answer from the gateway');
    const l = data.issueLicense;
    toast(`License ${l.domain} issued: ${formatCredits(l.creditsGranted)} granted`);
    return l;
  }
  return { issueLicense, loading: state.loading, error: state.error };
}

/** What a purchase says: a retried payment (P7) adds nothing, and says so. */
export function purchaseMessage(lot: {
  originalCredits: number;
  paymentReference?: string | null;
  alreadyRecorded: boolean;
}): { message: string; tone: 'success' | 'info' } {
  const ref = lot.paymentReference ?? '';
  return lot.alreadyRecorded
    ? { message: `Payment ${ref} was already recorded: nothing added.`, tone: 'info' }
    : {
        message: `${formatCredits(lot.originalCredits)} recorded for payment ${ref}`,
        tone: 'success',
      };
}

export function usePurchaseCredits() {
  const toast = useToast();
  const [mutate, state] = useMutation(PurchaseCreditsMutation, refetchAccountAndList);
  async function purchaseCredits(input: PurchaseCreditsInput) {
    const { data } = await mutate({ variables: { input } });
    if (!data) throw new Error('No answer from the gateway');
    const { message, tone } = purchaseMessage(data.purchaseCredits);
    toast(message, tone);
    return data.purchaseCredits;
  }
  return { purchaseCredits, loading: state.loading, error: state.error };
}

export function useOpenTicket() {
  const toast = useToast();
  const [mutate, state] = useMutation(OpenTicketMutation, refetchAccount);
  async function openTicket(input: OpenTicketInput) {
    const { data } = await mutate({ variables: { input } });
    if (!data) throw new Error('No answer from the gateway');
    toast(`Ticket “${data.openTicket.subject}” opened`);
    return data.openTicket;
  }
  return { openTicket, loading: state.loading, error: state.error };
}
