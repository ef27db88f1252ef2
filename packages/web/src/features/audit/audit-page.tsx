import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useViewer } from '../../app/auth/auth-context';
import { ErrorNotice } from '../../shared/error-notice';
import { formatNumber } from '../../shared/format';
import { AccountSearch } from '../../shared/ui/account-search';
import { ClearFiltersButton, ClearableFilter } from '../../shared/ui/filter-parts';
import { LoadMoreFooter } from '../../shared/ui/load-more-footer';
import { PageHeader } from '../../shared/ui/page-header';
import { EmptyState, SkeletonRows, Spinner } from '../../shared/ui/states';
import { useCsvExport } from '../charges/use-csv-export';
import {
  AUDIT_ACTIONS,
  auditExportQuery,
  readAudit,
  toAuditFilter,
  writeAudit,
  type AuditFilterState,
} from './audit-filters';
import { AuditTable, actionLabel } from './audit-table';

const PAGE_SIZE = 50;

const AuditPageQuery = graphql(`
  query AuditPage($filter: AuditEventFilter, $first: Int!, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        keyName
        keyId
        ...AuditRow
      }
    }
  }
`);

export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const viewer = useViewer();
  const state = useMemo(() => readAudit(params), [params]);
  const filter = useMemo(() => toAuditFilter(state), [state]);
  const set = useCallback(
    (next: AuditFilterState) => setParams(writeAudit(next), { replace: true }),
    [setParams],
  );
  const csv = useCsvExport('/export/audit.csv');
  const { data, error, loading, networkStatus, fetchMore, refetch } = useQuery(AuditPageQuery, {
    variables: { filter, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const conn = data?.auditEvents;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  const refreshing = loading && !loadingMore && Boolean(data);
  const filtered = writeAudit(state).toString() !== '';
  const keyName = state.key ? conn?.nodes.find((e) => e.keyId === state.key)?.keyName : null;

  return (
    <div className="page">
      <PageHeader
        title="Audit trail"
        subtitle={
          viewer?.role === 'PARTNER'
            ? 'What was done on your accounts, by which key.'
            : 'Every change, by which key and role, newest first.'
        }
        actions={
          <button
            type="button"
            className="button button-primary"
            disabled={csv.running || !conn || conn.totalCount === 0}
            onClick={() => void csv.exportCsv(auditExportQuery(filter), 'audit.csv')}
          >
            {csv.running ? 'Preparing CSV…' : 'Download CSV'}
          </button>
        }
      />
      {csv.error ? <ErrorNotice error={csv.error} compact /> : null}
      <div className="card">
        <form className="filters" aria-label="Audit filters" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="a-action">Action</label>
            <select
              id="a-action"
              value={state.action}
              onChange={(e) => set({ ...state, action: e.target.value })}
            >
              <option value="">All actions</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {actionLabel(a)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="a-from">From (UTC day)</label>
            <input
              id="a-from"
              type="date"
              value={state.from}
              max={state.to || undefined}
              onChange={(e) => set({ ...state, from: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="a-to">To (UTC day)</label>
            <input
              id="a-to"
              type="date"
              value={state.to}
              min={state.from || undefined}
              onChange={(e) => set({ ...state, to: e.target.value })}
            />
          </div>
          <AccountSearch value={state.account} onChange={(account) => set({ ...state, account })} />
          {state.key ? (
            <ClearableFilter
              label="Key"
              value={keyName ?? 'one key'}
              clearLabel="Clear the key filter"
              onClear={() => set({ ...state, key: '' })}
            />
          ) : null}
          {filtered ? (
            <ClearFiltersButton
              onClear={() => setParams(new URLSearchParams(), { replace: true })}
            />
          ) : null}
        </form>
      </div>
      {error && !data ? (
        <ErrorNotice error={error} onRetry={() => void refetch()} />
      ) : !conn ? (
        <div className="card">
          <SkeletonRows rows={6} label="Loading the audit trail" />
        </div>
      ) : conn.totalCount === 0 ? (
        <div className="card">
          <EmptyState title={filtered ? 'No events match these filters' : 'Nothing recorded yet'}>
            {filtered ? 'Drop a filter.' : 'Every change made through the API appears here.'}
          </EmptyState>
        </div>
      ) : (
        <section className="card" aria-labelledby="audit-heading">
          <div className="card-header">
            <h2 id="audit-heading">Events</h2>
            <div className="card-actions">
              <span className="muted small" aria-live="polite">
                {refreshing ? (
                  <Spinner inline label="Updating…" />
                ) : (
                  `${formatNumber(conn.totalCount)} in all`
                )}
              </span>
            </div>
          </div>
          {error ? <ErrorNotice error={error} compact onRetry={() => void refetch()} /> : null}
          <AuditTable
            events={conn.nodes}
            keyHref={(key) => `?${writeAudit({ ...state, key }).toString()}`}
          />
          <LoadMoreFooter
            shown={conn.nodes.length}
            total={conn.totalCount}
            hasMore={conn.pageInfo.hasNextPage}
            loading={loadingMore}
            onMore={() =>
              void fetchMore({
                variables: { filter, first: PAGE_SIZE, after: conn.pageInfo.endCursor },
              })
            }
            label={`Show ${PAGE_SIZE} more`}
          />
        </section>
      )}
    </div>
  );
}
