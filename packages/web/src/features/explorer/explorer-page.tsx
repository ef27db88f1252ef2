// Loaded only with its route: GraphiQL and its Monaco editor are the largest
// part of the dashboard, bundled (no CDN) so the explorer works offline.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { GraphiQL } from 'graphiql';
import { graphql } from '../../gql';
import { SESSION_ENDED_EVENT, useAuth, useViewer } from '../../app/auth/auth-context';
import { roleLabel } from '../../shared/labels';
import { PageHeader } from '../../shared/ui/page-header';
import { Spinner } from '../../shared/ui/states';
import { exampleTabs } from './examples';
import { createExplorerFetcher } from './explorer-fetcher';
import { explorerStorage } from './tab-storage';

/** Ids of the key's own data, so the example tabs run as they open. */
const ExplorerSeedQuery = graphql(`
  query ExplorerSeed {
    accounts(first: 1) {
      nodes {
        id
        licenses {
          id
        }
        tickets(first: 1, status: OPEN) {
          nodes {
            id
          }
        }
      }
    }
  }
`);

const newIdempotencyKey = () =>
  `charge-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export function ExplorerPage() {
  const { apiKey } = useAuth();
  const viewer = useViewer();
  const [params] = useSearchParams();
  const { data, loading } = useQuery(ExplorerSeedQuery, { fetchPolicy: 'network-only' });
  const fetcher = useMemo(
    () =>
      createExplorerFetcher(apiKey ?? '', () =>
        window.dispatchEvent(new Event(SESSION_ENDED_EVENT)),
      ),
    [apiKey],
  );
  const storage = useMemo(() => explorerStorage(apiKey ?? ''), [apiKey]);
  const idempotencyKey = useMemo(() => newIdempotencyKey(), []);
  // GET /graphql?query=... from a browser lands here with its query.
  const query = params.get('query') ?? undefined;
  const variables = params.get('variables') ?? undefined;

  const account = data?.accounts.nodes[0];
  const tabs = exampleTabs(
    {
      accountId: account?.id,
      licenseId: account?.licenses[0]?.id,
      ticketId: account?.tickets.nodes[0]?.id,
    },
    idempotencyKey,
  );

  return (
    <div className="page explorer-page">
      <PageHeader
        title="API explorer"
        subtitle={
          viewer
            ? `Requests run with your signed-in key (${viewer.keyName}, ${roleLabel(viewer.role)}) and see exactly what it may see. The Docs button lists every type and field.`
            : undefined
        }
      />
      {loading && !data ? (
        <Spinner label="Loading the explorer…" />
      ) : (
        <div className="explorer">
          <GraphiQL
            fetcher={fetcher}
            storage={storage}
            defaultTabs={query ? [{ query, variables }, ...tabs] : tabs}
            initialQuery={query}
            initialVariables={variables}
            defaultEditorToolsVisibility="variables"
            isHeadersEditorEnabled
          />
        </div>
      )}
    </div>
  );
}
