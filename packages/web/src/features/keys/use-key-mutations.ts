import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { useToast } from '../../shared/ui/toast';

const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        ...KeyRow
      }
    }
  }
`);

const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      ...KeyRow
    }
  }
`);

const UpdateApiKeyScopeMutation = graphql(`
  mutation UpdateApiKeyScope($input: UpdateApiKeyScopeInput!) {
    updateApiKeyScope(input: $input) {
      id
      ...KeyRow
    }
  }
`);

/** Creates a key and returns its secret, which exists only in this answer. */
export function useCreateApiKey() {
  const toast = useToast();
  const [mutate, state] = useMutation(CreateApiKeyMutation, {
    // The list is one unpaginated field: reload it to show the new key in order.
    refetchQueries: ['KeysPage'],
  });
  async function createApiKey(input: { name: string; role: Role; accountIds: string[] | null }) {
    const { data } = await mutate({ variables: { input } });
    if (!data) throw new Error('No answer from the gateway');
    toast(`API key “${input.name}” created`);
    return data.createApiKey.secret;
  }
  return { createApiKey, loading: state.loading, error: state.error };
}

export function useRevokeApiKey() {
  const toast = useToast();
  const [mutate, state] = useMutation(RevokeApiKeyMutation);
  async function revokeApiKey(id: string, name: string) {
    await mutate({ variables: { id } });
    toast(`API key “${name}” revoked`);
  }
  return { revokeApiKey, loading: state.loading, error: state.error };
}

export function useUpdateApiKeyScope() {
  const toast = useToast();
  const [mutate, state] = useMutation(UpdateApiKeyScopeMutation);
  async function updateScope(id: string, name: string, accountIds: string[]) {
    await mutate({ variables: { input: { id, accountIds } } });
    toast(`Accounts of “${name}” saved`);
  }
  return { updateScope, loading: state.loading, error: state.error };
}
