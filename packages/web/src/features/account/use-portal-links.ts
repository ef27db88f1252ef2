import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useToast } from '../../shared/ui/toast';

const CreatePortalLinkMutation = graphql(`
  mutation CreatePortalLink($accountId: ID!) {
    createPortalLink(accountId: $accountId) {
      url
      expiresAt
    }
  }
`);

const RevokePortalLinksMutation = graphql(`
  mutation RevokePortalLinks($accountId: ID!) {
    revokePortalLinks(accountId: $accountId)
  }
`);

/** A new link for the customer; its URL exists only in this answer (only the token's hash is kept). */
export function useCreatePortalLink() {
  const [mutate, state] = useMutation(CreatePortalLinkMutation);
  async function createPortalLink(accountId: string) {
    const { data } = await mutate({ variables: { accountId } });
    if (!data) throw new Error('No answer from the gateway');
    return data.createPortalLink;
  }
  return { createPortalLink, loading: state.loading, error: state.error };
}

/** Stops every working link of the account, those in e-mails too. */
export function useRevokePortalLinks() {
  const toast = useToast();
  const [mutate, state] = useMutation(RevokePortalLinksMutation);
  async function revokePortalLinks(accountId: string) {
    const { data } = await mutate({ variables: { accountId } });
    const n = data?.revokePortalLinks ?? 0;
    toast(
      n === 0 ? 'No portal link was working' : `${n} portal ${n === 1 ? 'link' : 'links'} revoked`,
    );
    return n;
  }
  return { revokePortalLinks, loading: state.loading, error: state.error };
}
