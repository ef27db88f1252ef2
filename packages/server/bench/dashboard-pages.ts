import { dashboardQuery } from '../test/support/dashboard-documents';
import type { Req } from './load';

// The dashboard's real pages, each asked of the three servers: the gateway
// gets the document exactly as the dashboard's Apollo Client sends it (the
// generated document of packages/web/src/gql with the __typename Apollo
// adds); the floor (floor-app.ts) the same variables at /pages/<operation>;
// PostGraphile 5 a document of its own that fetches the same rows and
// columns (its names aliased to the gateway's, compare.ts fromPostgraphile
// maps the rest), with the computed columns of postgraphile-bench/setup.sql.

/** What one request of a page is about. */
export interface PageArgs {
  /** The account an AccountPage shows. */
  accountId: string;
  /** The ticket a TicketPage shows. */
  ticketId: string;
  /** AccountsPage starts after this account (newest first), or at the top when null. */
  afterAccountId: string | null;
}

export interface DashboardPage {
  /** BENCH_SCENARIOS key. */
  key: string;
  /** The operation's name in packages/web/src/gql. */
  name: string;
  /** Root fields that read the database: the gateway's bound of one statement each. */
  rootFields: number;
  gateway: (a: PageArgs) => Req;
  floor: (a: PageArgs) => Req;
  /** PostGraphile's twin, given its cursor for "after this account id", or null (see noPostgraphile). */
  postgraphile: ((a: PageArgs, pglCursorFor: (id: string) => string) => Req) | null;
  /** Why a page has no PostGraphile twin. */
  noPostgraphile?: string;
}

export const gql = (query: string, variables: Record<string, unknown>): Req => ({
  path: '/graphql',
  body: JSON.stringify({ query, variables }),
});

/** The gateway's cursor for "after this id". */
export const cursorFor = (id: string) => Buffer.from(`k:${id}`).toString('base64url');

const pglLicenseRef = 'license: licenseByLicenseId { id: rowId domain __typename }';

const PGL_ACCOUNT_PAGE = `query PglAccountPage($id: UUID!) {
  account: accountByRowId(rowId: $id) {
    id: rowId name email createdAt balance
    expiringCredits(withinDays: 30)
    lowBalance { threshold isDefault balance isBelow __typename }
    lowBalanceNotices: lowBalanceNoticesByAccountIdList(orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) {
      id: rowId createdAt balance threshold chargeId mailedAt __typename
    }
    expiryNotices: expiryNoticesByAccountIdList(condition: { sent: true }, orderBy: [CREATED_AT_DESC, THRESHOLD_DAYS_ASC]) {
      lotId thresholdDays createdAt credits expiresAt mailedAt __typename
    }
    licenses: licensesByAccountIdList(orderBy: ROW_ID_ASC) {
      id: rowId edition hostingPlan domain orderDate listPriceCents paidPriceCents creditsGranted grantNote includedLevels
      creditLot: creditLotsByLicenseIdList(first: 1) { id: rowId expiresAt expired __typename }
      __typename
    }
    creditLots: creditLotsByAccountIdList(orderBy: [EXPIRES_AT_ASC, ROW_ID_ASC]) {
      id: rowId source originalCredits remainingCredits spentCredits refundedCredits expiredCredits createdAt expiresAt expired paymentReference
      ${pglLicenseRef}
      __typename
    }
    openTickets: ticketsByAccountId(condition: { status: OPEN }, first: 0) { totalCount __typename }
    tickets: ticketsByAccountId(first: 20, orderBy: ROW_ID_DESC) {
      totalCount
      pageInfo { hasNextPage endCursor __typename }
      nodes {
        id: rowId subject category level status openedAt priceMin priceMax
        charge: chargesByTicketIdList(first: 1) { id: rowId credits __typename }
        ${pglLicenseRef}
        __typename
      }
      __typename
    }
    ledger: ledgerEntriesByAccountId(first: 25, orderBy: ROW_ID_DESC) {
      totalCount
      pageInfo { hasNextPage endCursor __typename }
      nodes {
        id: rowId kind credits at
        lot: creditLotByLotId { id: rowId source paymentReference ${pglLicenseRef} __typename }
        ticket: ticketByTicketId { id: rowId subject __typename }
        __typename
      }
      __typename
    }
    statements: outboxesByAccountId(first: 5, orderBy: ROW_ID_DESC, condition: { topic: "statement" }) {
      totalCount
      pageInfo { hasNextPage endCursor __typename }
      nodes {
        id: rowId payload createdAt deliveredAt deliveryStatus attempts nextAttemptAt lastError
        ticket { id: rowId subject __typename }
        __typename
      }
      __typename
    }
    __typename
  }
}`;

const PGL_ACCOUNTS_PAGE = `query PglAccountsPage($first: Int!, $after: Cursor) {
  accounts: allAccounts(first: $first, after: $after, orderBy: ROW_ID_DESC) {
    totalCount
    pageInfo { hasNextPage endCursor __typename }
    nodes {
      id: rowId name email createdAt balance expiringCredits(withinDays: 30)
      licenses: licensesByAccountIdList(orderBy: ROW_ID_ASC) { id: rowId edition hostingPlan __typename }
      __typename
    }
    __typename
  }
}`;

const pglAllocations = (by: string, lotFields: string) => `allocations: ${by}(orderBy: ROW_ID_ASC) {
        credits
        lot: creditLotByLotId { id: rowId ${lotFields} ${pglLicenseRef} __typename }
        __typename
      }`;

const PGL_TICKET_PAGE = `query PglTicketPage($id: UUID!) {
  ticket: ticketByRowId(rowId: $id) {
    id: rowId subject category level status openedAt priceMin priceMax
    license: licenseByLicenseId { id: rowId domain edition hostingPlan includedLevels __typename }
    account: accountByAccountId { id: rowId name balance __typename }
    charge: chargesByTicketIdList(first: 1) {
      id: rowId credits included refunded balanceAfter createdAt
      ${pglAllocations('allocationsByChargeIdList', 'source expiresAt expired paymentReference')}
      __typename
    }
    refund: refundsByTicketIdList(first: 1) {
      id: rowId credits reason balanceAfter createdAt
      ${pglAllocations('allocationsByRefundIdList', 'source expiresAt createdAt paymentReference')}
      __typename
    }
    history: historyList { status at note __typename }
    __typename
  }
}`;

export const DASHBOARD_PAGES: DashboardPage[] = [
  {
    key: 'dash-account',
    name: 'AccountPage',
    rootFields: 1,
    gateway: (a) => gql(dashboardQuery('AccountPage'), { id: a.accountId }),
    floor: (a) => ({ path: '/pages/AccountPage', body: JSON.stringify({ id: a.accountId }) }),
    postgraphile: (a) => gql(PGL_ACCOUNT_PAGE, { id: a.accountId }),
  },
  {
    key: 'dash-accounts',
    name: 'AccountsPage',
    rootFields: 1,
    gateway: (a) => gql(dashboardQuery('AccountsPage'), accountsVariables(a)),
    floor: (a) => ({ path: '/pages/AccountsPage', body: JSON.stringify(accountsVariables(a)) }),
    postgraphile: (a, pglCursorFor) =>
      gql(PGL_ACCOUNTS_PAGE, {
        first: 20,
        after: a.afterAccountId ? pglCursorFor(a.afterAccountId) : null,
      }),
  },
  {
    key: 'dash-ticket',
    name: 'TicketPage',
    rootFields: 1,
    gateway: (a) => gql(dashboardQuery('TicketPage'), { id: a.ticketId }),
    floor: (a) => ({ path: '/pages/TicketPage', body: JSON.stringify({ id: a.ticketId }) }),
    postgraphile: (a) => gql(PGL_TICKET_PAGE, { id: a.ticketId }),
  },
  {
    key: 'dash-charges',
    name: 'ChargesPage',
    rootFields: 3,
    gateway: () => gql(dashboardQuery('ChargesPage'), { filter: null, first: 50 }),
    floor: () => ({
      path: '/pages/ChargesPage',
      body: JSON.stringify({ filter: null, first: 50 }),
    }),
    postgraphile: null,
    noPostgraphile:
      'PostGraphile 5 has no grouping without the aggregates plugin, and its totalCount counts the charges where the gateway reads the rollup: a twin would be hand-written SQL functions, the floor again',
  },
];

function accountsVariables(a: PageArgs) {
  return { search: null, first: 20, after: a.afterAccountId ? cursorFor(a.afterAccountId) : null };
}
