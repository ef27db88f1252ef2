import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { formatCredits } from '../../shared/format';
import { useToast } from '../../shared/ui/toast';

const SetLowBalanceThresholdMutation = graphql(`
  mutation SetLowBalanceThreshold($accountId: ID!, $threshold: Int) {
    setLowBalanceThreshold(accountId: $accountId, threshold: $threshold) {
      id
      lowBalance {
        threshold
        isDefault
        balance
        isBelow
      }
    }
  }
`);

/** Sets (or with null, clears back to the default) an account's low-balance threshold. */
export function useSetLowBalanceThreshold() {
  const toast = useToast();
  // The answer carries the account's id, so the cache updates the card in place.
  const [mutate, state] = useMutation(SetLowBalanceThresholdMutation);
  async function setThreshold(accountId: string, threshold: number | null) {
    const { data } = await mutate({ variables: { accountId, threshold } });
    if (!data) throw new Error('No answer from the gateway');
    const lb = data.setLowBalanceThreshold.lowBalance;
    toast(
      lb.isDefault
        ? `Low-balance threshold back to the default (${formatCredits(lb.threshold)})`
        : `Low-balance threshold set to ${formatCredits(lb.threshold)}`,
    );
    return lb;
  }
  return { setThreshold, loading: state.loading, error: state.error };
}
