import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useToast } from '../../shared/ui/toast';

const CreateAccountMutation = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      id
      name
      email
    }
  }
`);

/** Creates the account, says so, and drops cached account lists so they reload. */
export function useCreateAccount() {
  const toast = useToast();
  const [mutate, state] = useMutation(CreateAccountMutation, {
    update(cache) {
      cache.evict({ fieldName: 'accounts' });
      cache.gc();
    },
  });
  async function createAccount(input: { name: string; email: string }) {
    const { data } = await mutate({ variables: { input } });
    if (!data) throw new Error('No answer from the gateway');
    toast(`Account “${data.createAccount.name}” created`);
    return data.createAccount;
  }
  return { createAccount, loading: state.loading, error: state.error, reset: state.reset };
}
