import { Link } from 'react-router';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../shared/error-notice';
import { LoadMoreFooter } from '../../shared/ui/load-more-footer';
import { Section } from '../../shared/ui/page-header';
import { EmptyState, SkeletonRows } from '../../shared/ui/states';
import { AuditTable } from './audit-table';

const PAGE_SIZE = 25;

const AccountActivityQuery = graphql(`
  query AccountActivity($filter: AuditEventFilter, $first: Int!, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...AuditRow
      }
    }
  }
`);

/** The account page's Activity tab: its slice of the audit trail. */
export function AccountActivity({ accountId }: { accountId: string }) {
  const filter = { accountId };
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(AccountActivityQuery, {
    variables: { filter, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const conn = data?.auditEvents;
  return (
    <Section
      id="activity"
      title="Activity"
      actions={
        <Link
          className="button button-small button-ghost"
          to={`/audit?account=${encodeURIComponent(accountId)}`}
        >
          Open in the audit trail
        </Link>
      }
    >
      {error && !data ? (
        <ErrorNotice error={error} onRetry={() => void refetch()} compact />
      ) : !conn ? (
        <SkeletonRows rows={4} label="Loading activity" />
      ) : conn.totalCount === 0 ? (
        <EmptyState title="No activity yet">Changes to this account appear here.</EmptyState>
      ) : (
        <>
          <AuditTable events={conn.nodes} showAccount={false} />
          <LoadMoreFooter
            shown={conn.nodes.length}
            total={conn.totalCount}
            hasMore={conn.pageInfo.hasNextPage}
            loading={networkStatus === NetworkStatus.fetchMore}
            onMore={() =>
              void fetchMore({
                variables: { filter, first: PAGE_SIZE, after: conn.pageInfo.endCursor },
              })
            }
            label="Show older activity"
          />
        </>
      )}
    </Section>
  );
}
