import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { TicketStatus } from '../../gql/graphql';
import { useCan, useViewer } from '../../app/auth/auth-context';
import { ErrorNotice } from '../../shared/error-notice';
import { formatNumber, formatRange } from '../../shared/format';
import { EDITIONS, editionLabel, levelLabel, statusLabel } from '../../shared/labels';
import { usePricing } from '../../shared/pricing';
import { AccountSearch } from '../../shared/ui/account-search';
import { ClearFiltersButton, ClearableFilter } from '../../shared/ui/filter-parts';
import { Badge } from '../../shared/ui/badge';
import { LoadMoreFooter } from '../../shared/ui/load-more-footer';
import { PageHeader } from '../../shared/ui/page-header';
import { EmptyState, SkeletonRows, Spinner } from '../../shared/ui/states';
import { Time } from '../../shared/ui/time';
import { statusTone } from '../account/ticket-list';
import { ChargeDialog } from './charge-dialog';
import {
  AGE_CHOICES,
  DEFAULT_QUEUE,
  LEVELS,
  STATUS_CHOICES,
  formatAge,
  readQueue,
  toTicketFilter,
  withStatus,
  writeQueue,
  type AgeChoice,
  type QueueFilterState,
  type StatusChoice,
} from './queue-filters';
import { useCategoryTitle } from '../../shared/pricing';

const PAGE_SIZE = 25;

const TicketQueueQuery = graphql(`
  query TicketQueue($filter: TicketFilter, $counts: TicketFilter, $first: Int!, $after: String) {
    tickets(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        subject
        category
        level
        status
        openedAt
        openedByKeyId
        openedByName
        price {
          min
          max
          included
        }
        charge {
          id
          credits
        }
        account {
          id
          name
        }
        license {
          id
          edition
          domain
        }
      }
    }
    ticketCounts(filter: $counts) {
      open
      charged
      refunded
      total
    }
  }
`);

const STATUS_TAB_LABEL: Record<StatusChoice, string> = {
  OPEN: 'Open · waiting to be charged',
  CHARGED: 'Charged',
  REFUNDED: 'Refunded',
  ALL: 'All',
};

function countOf(
  counts: { open: number; charged: number; refunded: number; total: number } | undefined,
  s: StatusChoice,
): number | null {
  if (!counts) return null;
  return {
    OPEN: counts.open,
    CHARGED: counts.charged,
    REFUNDED: counts.refunded,
    ALL: counts.total,
  }[s];
}

function toggle<T>(xs: readonly T[], x: T): T[] {
  return xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x];
}

export function TicketsPage() {
  const categoryLabel = useCategoryTitle();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const viewer = useViewer();
  const canCharge = useCan('CHARGE_TICKET');
  const pricing = usePricing();
  const state = useMemo(() => readQueue(params), [params]);
  // "Now" moves only when the filter does, so the query's variables stay put.
  const base = useMemo(() => toTicketFilter(state, new Date()), [state]);
  const filter = useMemo(() => withStatus(base, state.status), [base, state.status]);
  const set = useCallback(
    (next: QueueFilterState) => setParams(writeQueue(next), { replace: true }),
    [setParams],
  );
  const [charging, setCharging] = useState<string | null>(null);
  const tbody = useRef<HTMLTableSectionElement>(null);

  const { data, error, loading, networkStatus, fetchMore, refetch } = useQuery(TicketQueueQuery, {
    variables: { filter, counts: base, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const conn = data?.tickets;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  const refreshing = loading && !loadingMore && Boolean(data);
  const filtered = writeQueue({ ...state, status: DEFAULT_QUEUE.status }).toString() !== '';
  const now = new Date();

  // Arrow keys (or j/k) move between rows, Enter opens, c charges.
  function onRowKey(e: KeyboardEvent<HTMLTableRowElement>, id: string, status: TicketStatus) {
    const row = e.currentTarget;
    const move = (to: Element | null | undefined) => {
      if (to instanceof HTMLElement) {
        e.preventDefault();
        to.focus();
      }
    };
    if (e.target !== row) return;
    if (e.key === 'ArrowDown' || e.key === 'j') move(row.nextElementSibling);
    else if (e.key === 'ArrowUp' || e.key === 'k') move(row.previousElementSibling);
    else if (e.key === 'Home') move(tbody.current?.firstElementChild);
    else if (e.key === 'End') move(tbody.current?.lastElementChild);
    else if (e.key === 'Enter') {
      e.preventDefault();
      void navigate(`/tickets/${encodeURIComponent(id)}`);
    } else if (e.key === 'c' && canCharge && status === 'OPEN') {
      e.preventDefault();
      setCharging(id);
    }
  }

  return (
    <div className="page">
      <PageHeader
        title="Tickets"
        subtitle={
          viewer?.role === 'PARTNER'
            ? 'Tickets of your accounts, newest first.'
            : 'Every ticket across accounts, newest first: price and charge what waits.'
        }
      />
      <div className="card">
        <form className="filters" aria-label="Ticket filters" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="q-category">Category</label>
            <select
              id="q-category"
              value={state.categories.length === 1 ? state.categories[0] : ''}
              onChange={(e) =>
                set({
                  ...state,
                  categories: e.target.value
                    ? [e.target.value as (typeof state.categories)[0]]
                    : [],
                })
              }
            >
              <option value="">All categories</option>
              {(pricing?.categories ?? []).map((c) => (
                <option key={c.category} value={c.category}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="field inline-checks">
            <legend>Level</legend>
            {LEVELS.map((l) => (
              <label key={l} className="check">
                <input
                  type="checkbox"
                  checked={state.levels.includes(l)}
                  onChange={() => set({ ...state, levels: toggle(state.levels, l) })}
                />
                {levelLabel(l)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="q-edition">Edition</label>
            <select
              id="q-edition"
              value={state.editions.length === 1 ? state.editions[0] : ''}
              onChange={(e) =>
                set({
                  ...state,
                  editions: e.target.value ? [e.target.value as (typeof EDITIONS)[number]] : [],
                })
              }
            >
              <option value="">All editions</option>
              {EDITIONS.map((ed) => (
                <option key={ed} value={ed}>
                  {editionLabel(ed)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="q-age">Age</label>
            <select
              id="q-age"
              value={state.age}
              onChange={(e) => set({ ...state, age: e.target.value as AgeChoice })}
            >
              {AGE_CHOICES.map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
            </select>
          </div>
          <AccountSearch value={state.account} onChange={(account) => set({ ...state, account })} />
          {state.openedBy ? (
            <ClearableFilter
              label="Opened by"
              value={
                conn?.nodes.find((t) => t.openedByKeyId === state.openedBy)?.openedByName ??
                'one key'
              }
              clearLabel="Clear the opened-by filter"
              onClear={() => set({ ...state, openedBy: '' })}
            />
          ) : null}
          {filtered ? (
            <ClearFiltersButton onClear={() => set({ ...DEFAULT_QUEUE, status: state.status })} />
          ) : null}
        </form>
      </div>

      <nav className="tabs" aria-label="Ticket status">
        {STATUS_CHOICES.map((s) => {
          const n = countOf(data?.ticketCounts, s);
          return (
            <Link
              key={s}
              className="tab"
              aria-current={state.status === s ? 'page' : undefined}
              to={`?${writeQueue({ ...state, status: s }).toString()}`}
              replace
              data-status={s}
            >
              {STATUS_TAB_LABEL[s]}
              {n === null ? null : <span className="tab-count">{formatNumber(n)}</span>}
            </Link>
          );
        })}
      </nav>

      {error && !data ? (
        <ErrorNotice error={error} onRetry={() => void refetch()} />
      ) : !conn ? (
        <div className="card">
          <SkeletonRows rows={6} label="Loading tickets" />
        </div>
      ) : conn.totalCount === 0 ? (
        <div className="card">
          <EmptyState
            title={
              state.status === 'OPEN' && !filtered
                ? 'Nothing waits to be charged'
                : 'No tickets match'
            }
          >
            {filtered ? 'Drop a filter or pick another status.' : 'New tickets appear here.'}
          </EmptyState>
        </div>
      ) : (
        <section className="card" aria-labelledby="queue-heading">
          <div className="card-header">
            <h2 id="queue-heading">{STATUS_TAB_LABEL[state.status]}</h2>
            <div className="card-actions">
              <span className="muted small" aria-live="polite">
                {refreshing ? (
                  <Spinner inline label="Updating…" />
                ) : (
                  `${formatNumber(conn.totalCount)} in all · ↑↓ to move, Enter to open${canCharge ? ', c to charge' : ''}`
                )}
              </span>
            </div>
          </div>
          {error ? <ErrorNotice error={error} compact onRetry={() => void refetch()} /> : null}
          <div className="table-wrap">
            <table className="table table-stack" aria-label="Ticket queue">
              <thead>
                <tr>
                  <th scope="col">Ticket</th>
                  <th scope="col">Account</th>
                  <th scope="col">Category</th>
                  <th scope="col">Status</th>
                  <th scope="col">Opened by</th>
                  <th scope="col">Age</th>
                  <th scope="col" className="num">
                    Credits
                  </th>
                  {canCharge ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody ref={tbody}>
                {conn.nodes.map((t) => (
                  <tr
                    key={t.id}
                    tabIndex={0}
                    className="queue-row"
                    data-ticket-id={t.id}
                    aria-label={`${t.subject}, ${t.account.name}, ${statusLabel(t.status)}`}
                    onKeyDown={(e) => onRowKey(e, t.id, t.status)}
                  >
                    <td data-label="Ticket">
                      <Link
                        className="strong-link"
                        tabIndex={-1}
                        to={`/tickets/${encodeURIComponent(t.id)}`}
                      >
                        {t.subject}
                      </Link>
                      <div className="muted small">{t.license.domain}</div>
                    </td>
                    <td data-label="Account">
                      <Link tabIndex={-1} to={`/accounts/${encodeURIComponent(t.account.id)}`}>
                        {t.account.name}
                      </Link>
                    </td>
                    <td data-label="Category">
                      {categoryLabel(t.category)}
                      <div className="muted small">
                        {levelLabel(t.level)} · {editionLabel(t.license.edition)}
                      </div>
                    </td>
                    <td data-label="Status">
                      <Badge tone={statusTone[t.status] ?? 'neutral'}>
                        {statusLabel(t.status)}
                      </Badge>
                    </td>
                    <td data-label="Opened by">
                      {t.openedByKeyId ? (
                        <Link
                          tabIndex={-1}
                          to={`?${writeQueue({ ...state, openedBy: t.openedByKeyId }).toString()}`}
                          replace
                          title="Show only tickets this key opened"
                        >
                          {t.openedByName}
                        </Link>
                      ) : (
                        <span className="muted">{t.openedByName ?? '—'}</span>
                      )}
                    </td>
                    <td data-label="Age" className="nowrap">
                      <Time iso={t.openedAt}>{formatAge(t.openedAt, now)}</Time>
                    </td>
                    <td data-label="Credits" className="num">
                      {t.charge ? (
                        formatNumber(t.charge.credits)
                      ) : (
                        <span className="muted">{formatRange(t.price)}</span>
                      )}
                    </td>
                    {canCharge ? (
                      <td data-label="">
                        {t.status === 'OPEN' ? (
                          <button
                            type="button"
                            className="button button-small"
                            tabIndex={-1}
                            onClick={() => setCharging(t.id)}
                          >
                            Charge
                          </button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
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
                variables: {
                  filter,
                  counts: base,
                  first: PAGE_SIZE,
                  after: conn.pageInfo.endCursor,
                },
              })
            }
            label={`Show ${PAGE_SIZE} more`}
          />
        </section>
      )}
      {charging ? (
        <ChargeDialog
          ticketId={charging}
          onClose={() => setCharging(null)}
          onCharged={() => {
            setCharging(null);
            void refetch();
          }}
        />
      ) : null}
    </div>
  );
}
