import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useCan, useViewer } from '../../app/auth/auth-context';
import { ErrorNotice } from '../../shared/error-notice';
import { formatNumber } from '../../shared/format';
import { LoadMoreFooter } from '../../shared/ui/load-more-footer';
import { PageHeader } from '../../shared/ui/page-header';
import { EmptyState, SkeletonRows } from '../../shared/ui/states';
import { AccountRow } from './account-row';
import { CreateAccountDialog } from './create-account-dialog';

const PAGE_SIZE = 20;

const AccountsPageQuery = graphql(`
  query AccountsPage($search: String, $first: Int!, $after: String) {
    accounts(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...AccountRow
      }
    }
  }
`);

export function AccountsPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const viewer = useViewer();
  const canCreate = useCan('CREATE_ACCOUNT');
  const search = params.get('q') ?? '';
  const [draft, setDraft] = useState(search);
  const creating = params.get('action') === 'create' && canCreate;

  // Type freely; the URL (and the query) follow a moment later.
  useEffect(() => {
    if (draft.trim() === search) return;
    const t = window.setTimeout(() => {
      setParams(
        (p) => {
          const n = new URLSearchParams(p);
          if (draft.trim()) n.set('q', draft.trim());
          else n.delete('q');
          return n;
        },
        { replace: true },
      );
    }, 300);
    return () => window.clearTimeout(t);
  }, [draft, search, setParams]);

  // Follow the URL (back/forward, a link) but keep what is being typed when it
  // already means the same search: "acme " must not lose its trailing space.
  // (Adjusted during render, React's pattern for state that follows a prop.)
  const [followed, setFollowed] = useState(search);
  if (followed !== search) {
    setFollowed(search);
    setDraft((d) => (d.trim() === search ? d : search));
  }

  const { data, error, loading, networkStatus, fetchMore, refetch } = useQuery(AccountsPageQuery, {
    variables: { search: search || null, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const conn = data?.accounts;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;

  function closeDialog() {
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        n.delete('action');
        return n;
      },
      { replace: true },
    );
  }

  return (
    <div className="page">
      <PageHeader
        title="Accounts"
        subtitle={
          viewer?.role === 'PARTNER'
            ? 'The customers your partner key is responsible for.'
            : 'Customers, what they own and what they can spend.'
        }
        actions={
          canCreate ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() =>
                setParams((p) => {
                  const n = new URLSearchParams(p);
                  n.set('action', 'create');
                  return n;
                })
              }
            >
              Create account
            </button>
          ) : null
        }
      />
      <div className="card">
        <div className="toolbar">
          <div className="search">
            <label htmlFor="account-search" className="visually-hidden">
              Search accounts
            </label>
            <input
              id="account-search"
              type="search"
              placeholder="Search by name or email"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
          </div>
          <div className="muted small" aria-live="polite">
            {conn
              ? `${formatNumber(conn.totalCount)} ${conn.totalCount === 1 ? 'account' : 'accounts'}`
              : ''}
            {loading && conn ? ' · updating…' : ''}
          </div>
        </div>
        {error && !conn ? (
          <div className="card-body">
            <ErrorNotice error={error} onRetry={() => void refetch()} />
          </div>
        ) : !conn ? (
          <SkeletonRows rows={6} label="Loading accounts" />
        ) : conn.nodes.length === 0 ? (
          <EmptyState
            title={search ? `No account matches “${search}”` : 'No accounts yet'}
            action={
              search ? (
                <button type="button" className="button" onClick={() => setDraft('')}>
                  Clear search
                </button>
              ) : canCreate ? (
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => setParams({ action: 'create' })}
                >
                  Create the first account
                </button>
              ) : null
            }
          >
            {search
              ? 'Try part of the name or the email address.'
              : 'Accounts appear here once they are created.'}
          </EmptyState>
        ) : (
          <>
            <div className="table-wrap">
              <table className="table" aria-label="Accounts">
                <thead>
                  <tr>
                    <th scope="col">Account</th>
                    <th scope="col" className="num">
                      Balance
                    </th>
                    <th scope="col">Licenses</th>
                    <th scope="col" className="num">
                      Expiring in 30 days
                    </th>
                    <th scope="col">Created</th>
                  </tr>
                </thead>
                <tbody>
                  {conn.nodes.map((a) => (
                    <AccountRow key={a.id} account={a} />
                  ))}
                </tbody>
              </table>
            </div>
            <LoadMoreFooter
              shown={conn.nodes.length}
              total={conn.totalCount}
              hasMore={conn.pageInfo.hasNextPage}
              loading={loadingMore}
              onMore={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor } })}
              label={loadingMore ? 'Loading…' : `Show ${PAGE_SIZE} more`}
            />
            {error ? <ErrorNotice error={error} compact onRetry={() => void refetch()} /> : null}
          </>
        )}
      </div>
      {creating ? (
        <CreateAccountDialog
          onClose={closeDialog}
          onCreated={(id) => navigate(`/accounts/${encodeURIComponent(id)}`)}
        />
      ) : null}
    </div>
  );
}
