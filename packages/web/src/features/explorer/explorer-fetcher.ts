import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';

/**
 * GraphiQL's fetcher with the signed-in key. A 401 means the key was revoked:
 * the dashboard signs out, as it does for its own requests.
 */
export function createExplorerFetcher(apiKey: string, onUnauthenticated: () => void): Fetcher {
  return createGraphiQLFetcher({
    url: '/graphql',
    headers: { authorization: `Bearer ${apiKey}` },
    enableIncrementalDelivery: false,
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      if (res.status === 401) onUnauthenticated();
      return res;
    },
  });
}
