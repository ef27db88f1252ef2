import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useViewer } from '../../app/auth/auth-context';
import { ErrorNotice } from '../../shared/error-notice';
import { formatNumber } from '../../shared/format';
import { LoadMoreFooter } from '../../shared/ui/load-more-footer';
import { PageHeader, Section, Stat } from '../../shared/ui/page-header';
import { EmptyState, SkeletonRows, Spinner } from '../../shared/ui/states';
import { ChargeRow } from './charge-row';
import { ChargeFilters } from './charge-filters';
import {
  csvFileName,
  isEmptyFilter,
  readFilters,
  toChargeFilter,
  writeFilters,
  type ChargeFilterState,
} from './filters';
import { useCsvExport } from './use-csv-export';

const PAGE_SIZE = 50;

// recharts is most of this page's weight: the filters, totals and table render first.
const CreditsByMonthChart = lazy(async () => ({
  default: (await import('./charges-charts')).CreditsByMonthChart,
}));
const CreditsByCategoryChart = lazy(async () => ({
  default: (await import('./charges-charts')).CreditsByCategoryChart,
}));

const ChargesPageQuery = graphql(`
  query ChargesPage($filter: ChargeFilter, $first: Int!, $after: String) {
    charges(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...ChargeTableRow
      }
    }
    byMonth: chargeSummary(filter: $filter, groupBy: MONTH) {
      key
      charges
      credits
      includedCharges
      refundedCredits
    }
    byCategory: chargeSummary(filter: $filter, groupBy: CATEGORY) {
      key
      charges
      credits
      includedCharges
      refundedCredits
    }
  }
`);

const ChargesMoreQuery = graphql(`
  query ChargesMore($filter: ChargeFilter, $first: Int!, $after: String) {
    charges(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...ChargeTableRow
      }
    }
  }
`);

export function ChargesPage() {
  const [params, setParams] = useSearchParams();
  const viewer = useViewer();
  const filters = useMemo(() => readFilters(params), [params]);
  const filter = useMemo(() => toChargeFilter(filters), [filters]);
  const onChange = useCallback(
    (next: ChargeFilterState) => setParams(writeFilters(next), { replace: true }),
    [setParams],
  );

  const { data, error, loading, networkStatus, fetchMore, refetch } = useQuery(ChargesPageQuery, {
    variables: { filter, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const csv = useCsvExport();

  const totals = useMemo(() => {
    const t = { charges: 0, credits: 0, included: 0, refunded: 0 };
    for (const b of data?.byMonth ?? []) {
      t.charges += b.charges;
      t.credits += b.credits;
      t.included += b.includedCharges;
      t.refunded += b.refundedCredits;
    }
    return t;
  }, [data?.byMonth]);

  const conn = data?.charges;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  const refreshing = loading && !loadingMore && Boolean(data);

  return (
    <div className="page">
      <PageHeader
        title="Charges"
        subtitle={
          viewer?.role === 'PARTNER'
            ? 'Charge history of your accounts.'
            : 'Charge history across accounts: filter, total, export.'
        }
        actions={
          <button
            type="button"
            className="button button-primary"
            disabled={csv.running || !conn || conn.totalCount === 0}
            onClick={() => void csv.exportCsv(filter, csvFileName(filters))}
          >
            {csv.running
              ? `Preparing CSV… ${formatNumber(Math.round((csv.progress?.received ?? 0) / 1024))} kB`
              : 'Download CSV'}
          </button>
        }
      />
      {csv.error ? <ErrorNotice error={csv.error} compact /> : null}
      <div className="card">
        <ChargeFilters value={filters} onChange={onChange} />
      </div>

      {error && !data ? (
        <ErrorNotice error={error} onRetry={() => void refetch()} />
      ) : !data || !conn ? (
        <div className="card">
          <SkeletonRows rows={6} label="Loading charges" />
        </div>
      ) : (
        <>
          <div className="stats" aria-label="Totals for this filter" aria-busy={refreshing}>
            <Stat
              label="Charges"
              value={<span data-testid="total-charges">{formatNumber(totals.charges)}</span>}
            />
            <Stat
              label="Credits charged"
              value={<span data-testid="total-credits">{formatNumber(totals.credits)}</span>}
            />
            <Stat label="Credits refunded" value={formatNumber(totals.refunded)} />
            <Stat
              label="Net credits"
              value={formatNumber(totals.credits - totals.refunded)}
              hint={`${formatNumber(totals.included)} included ${totals.included === 1 ? 'ticket' : 'tickets'}`}
            />
          </div>
          {error ? <ErrorNotice error={error} compact onRetry={() => void refetch()} /> : null}
          {conn.totalCount === 0 ? (
            <div className="card">
              <EmptyState
                title={isEmptyFilter(filters) ? 'No charges yet' : 'No charges match these filters'}
                action={
                  !isEmptyFilter(filters) ? (
                    <button
                      type="button"
                      className="button"
                      onClick={() => setParams(new URLSearchParams(), { replace: true })}
                    >
                      Clear filters
                    </button>
                  ) : null
                }
              >
                {isEmptyFilter(filters)
                  ? 'Charges appear once tickets are charged.'
                  : 'Widen the dates or drop a filter.'}
              </EmptyState>
            </div>
          ) : (
            <>
              <div className="charts">
                <Section title="Credits by month" className="chart-card">
                  <Suspense fallback={<SkeletonRows rows={6} label="Loading chart" />}>
                    <CreditsByMonthChart buckets={data.byMonth} />
                  </Suspense>
                </Section>
                <Section title="Credits by category" className="chart-card">
                  <Suspense fallback={<SkeletonRows rows={6} label="Loading chart" />}>
                    <CreditsByCategoryChart buckets={data.byCategory} />
                  </Suspense>
                </Section>
              </div>
              <Section
                title="Charges"
                actions={
                  <span className="muted small" aria-live="polite">
                    {refreshing ? (
                      <Spinner inline label="Updating…" />
                    ) : (
                      `${formatNumber(conn.totalCount)} in all`
                    )}
                  </span>
                }
              >
                <div className="table-wrap">
                  <table className="table" aria-label="Charges">
                    <thead>
                      <tr>
                        <th scope="col">Charged</th>
                        <th scope="col">Account</th>
                        <th scope="col">Ticket</th>
                        <th scope="col">Edition</th>
                        <th scope="col" className="num">
                          Credits
                        </th>
                        <th scope="col">Flags</th>
                      </tr>
                    </thead>
                    <tbody>
                      {conn.nodes.map((c) => (
                        <ChargeRow key={c.id} charge={c} />
                      ))}
                    </tbody>
                  </table>
                </div>
                <LoadMoreFooter
                  shown={conn.nodes.length}
                  total={conn.totalCount}
                  hasMore={conn.pageInfo.hasNextPage}
                  loading={loadingMore}
                  onMore={() =>
                    void fetchMore({
                      query: ChargesMoreQuery,
                      variables: { filter, first: PAGE_SIZE, after: conn.pageInfo.endCursor },
                    })
                  }
                  label={`Show ${PAGE_SIZE} more`}
                />
              </Section>
            </>
          )}
        </>
      )}
    </div>
  );
}
