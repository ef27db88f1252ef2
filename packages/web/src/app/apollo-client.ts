import { ApolloClient, ApolloLink, HttpLink } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { toAppError } from '../shared/errors';
import { createCache } from './cache';
import { apiKeyStore } from './auth/session';

export interface ClientOptions {
  uri?: string;
  /** Called once when the gateway says the key is unknown or revoked. */
  onUnauthenticated?: () => void;
}

export function createApolloClient(options: ClientOptions = {}): ApolloClient {
  const auth = new SetContextLink((prev) => {
    const headers = (prev.headers ?? {}) as Record<string, string>;
    if (headers.authorization) return {};
    const key = apiKeyStore.get();
    return key ? { headers: { ...headers, authorization: `Bearer ${key}` } } : {};
  });

  const errors = new ErrorLink(({ error, operation }) => {
    // Sign-in sends its own header; a refusal there is the form's to show.
    if (operation.operationName === 'SignInCheck') return;
    if (toAppError(error)?.code === 'UNAUTHENTICATED') options.onUnauthenticated?.();
  });

  const http = new HttpLink({ uri: options.uri ?? '/graphql' });

  return new ApolloClient({
    link: ApolloLink.from([auth, errors, http]),
    cache: createCache(),
  });
}
