import { ApolloClient, HttpLink } from '@apollo/client';
import { createCache } from '../../app/cache';

/**
 * The portal page's own client: every request presents the link's token
 * ("Authorization: Portal <token>"), and its cache is its own, so nothing a
 * staff session in the same tab has cached is ever shown here, nor the
 * other way round. A refused token is the page's to explain: no sign-in.
 */
export function createPortalClient(token: string, uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri, headers: { authorization: `Portal ${token}` } }),
    cache: createCache(),
  });
}
