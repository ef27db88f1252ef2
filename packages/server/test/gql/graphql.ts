/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AuditEventFilter = {
  accountId?: string | number | null | undefined;
  /** Any of these actions. */
  actions?: Array<string> | null | undefined;
  /** At or after this instant. */
  from?: string | null | undefined;
  /** The id of the acting API key. */
  keyId?: string | number | null | undefined;
  /** A target id (a ticket, an account, ...). */
  targetId?: string | null | undefined;
  /** Strictly before this instant. */
  to?: string | null | undefined;
};

export type ChargeGrouping =
  | 'ACCOUNT'
  | 'CATEGORY'
  | 'DAY'
  | 'EDITION'
  | 'MONTH';

export type ChargeTicketInput = {
  credits: number;
  idempotencyKey?: string | null | undefined;
  ticketId: string | number;
};

export type CreateAccountInput = {
  email: string;
  name: string;
};

export type CreateApiKeyInput = {
  accountIds?: Array<string | number> | null | undefined;
  name: string;
  role: Role;
};

export type Edition =
  | 'FREE'
  | 'LEASED'
  | 'OWNED'
  | 'SAAS';

/** The closed set of codes in an error's `extensions.code`. */
export type ErrorCode =
  | 'ALREADY_REFUNDED'
  | 'BAD_REQUEST'
  | 'BAD_USER_INPUT'
  | 'COST_OUT_OF_RANGE'
  | 'FORBIDDEN'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'IDEMPOTENCY_CONFLICT'
  | 'INSUFFICIENT_CREDITS'
  | 'INTERNAL_SERVER_ERROR'
  | 'NOTHING_TO_REFUND'
  | 'NOT_FOUND'
  | 'OPERATION_RESOLUTION_FAILURE'
  | 'PERSISTED_QUERY_HASH_MISMATCH'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'TICKET_ALREADY_CHARGED'
  | 'TICKET_NOT_CHARGED'
  | 'UNAUTHENTICATED';

export type GrantPreviewInput = {
  edition: Edition;
  hostingPlan?: HostingPlan | null | undefined;
  listPriceCents: number;
  paidPriceCents: number;
};

export type HostingPlan =
  | 'BASIC'
  | 'PROFESSIONAL'
  | 'STANDARD';

export type IssueLicenseInput = {
  accountId: string | number;
  domain: string;
  edition: Edition;
  /** Required for SAAS, refused for the other editions. */
  hostingPlan?: HostingPlan | null | undefined;
  listPriceCents: number;
  orderDate: string;
  paidPriceCents: number;
};

export type LedgerEntryKind =
  | 'CHARGE'
  | 'EXPIRY'
  | 'GRANT'
  | 'PURCHASE'
  | 'REFUND';

export type LotSource =
  | 'LICENSE_GRANT'
  | 'PURCHASE'
  | 'REFUND';

export type OpenTicketInput = {
  category: TicketCategory;
  licenseId: string | number;
  subject: string;
};

/** What an API key may do. */
export type Permission =
  | 'CHARGE_TICKET'
  | 'CREATE_ACCOUNT'
  | 'EXPIRE_CREDITS'
  | 'ISSUE_LICENSE'
  | 'MANAGE_API_KEYS'
  | 'MANAGE_PORTAL_LINKS'
  | 'MANAGE_WEBHOOKS'
  | 'OPEN_TICKET'
  | 'PURCHASE_CREDITS'
  | 'READ'
  | 'READ_FINANCE'
  | 'READ_MAILBOX'
  | 'READ_SCHEDULES'
  | 'READ_WEBHOOKS'
  | 'REFUND_TICKET'
  | 'RESEND_STATEMENT'
  | 'SET_LOW_BALANCE_THRESHOLD';

export type PurchaseCreditsInput = {
  accountId: string | number;
  /** What was paid, in the currency's minor units (cents). With currency, or neither. */
  amountPaidCents?: number | null | undefined;
  credits: number;
  /** ISO 4217 code, e.g. EUR. With amountPaidCents, or neither. */
  currency?: string | null | undefined;
  /** Unique per recording key's namespace: each partner key its own, staff keys the vendor's (P7). */
  paymentReference: string;
};

/** What brought the credits: a purchase, or a license grant. */
export type ReceiptKind =
  | 'GRANT'
  | 'PURCHASE';

export type RefundTicketInput = {
  reason: string;
  ticketId: string | number;
};

export type Role =
  | 'ADMIN'
  | 'ANALYST'
  | 'CUSTOMER'
  | 'PARTNER'
  | 'SPECIALIST';

export type StatementKind =
  | 'CHARGE'
  | 'REFUND';

export type SupportLevel =
  | 'LEVEL_1'
  | 'LEVEL_2';

export type TicketCategory =
  | 'BUG_REPORT'
  | 'CLARIFICATION'
  | 'DOMAIN_CHANGE'
  | 'EDITION_UPGRADE'
  | 'FEATURE_DESCRIPTION'
  | 'GENERAL_ISSUE'
  | 'HOSTING_ISSUE'
  | 'QUOTE_REQUEST'
  | 'ROOT_CAUSE_ANALYSIS'
  | 'ROOT_CAUSE_DEBUGGING'
  | 'SETUP'
  | 'SIMPLE_CUSTOMIZATION'
  | 'WARRANTY';

/** Every field narrows the queue; all of them hold together. */
export type TicketFilter = {
  accountId?: string | number | null | undefined;
  categories?: Array<TicketCategory> | null | undefined;
  /** The edition of the ticket's license. */
  editions?: Array<Edition> | null | undefined;
  levels?: Array<SupportLevel> | null | undefined;
  /** Opened at or after this instant. */
  openedAfter?: string | null | undefined;
  /** Opened strictly before this instant. */
  openedBefore?: string | null | undefined;
  /** The id of the API key that opened it. */
  openedBy?: string | number | null | undefined;
  status?: TicketStatus | null | undefined;
};

export type TicketStatus =
  | 'CHARGED'
  | 'OPEN'
  | 'REFUNDED';

export type UpdateApiKeyScopeInput = {
  /** The whole new scope; replaces the old one. */
  accountIds: Array<string | number>;
  id: string | number;
};

export type AccessTicketStatusQueryVariables = Exact<{
  id: string | number;
}>;


export type AccessTicketStatusQuery = { ticket: { status: TicketStatus } | null };

export type AccessRevokeMutationVariables = Exact<{
  id: string | number;
}>;


export type AccessRevokeMutation = { revokeApiKey: { id: string, revokedAt: string | null } };

export type AccessMeRoleQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessMeRoleQuery = { me: { role: Role } };

export type AccessAccountIdQueryVariables = Exact<{
  id: string | number;
}>;


export type AccessAccountIdQuery = { account: { id: string } | null };

export type AccessAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessAccountsQuery = { accounts: { totalCount: number, nodes: Array<{ id: string }> } };

export type AccessExpireMutationVariables = Exact<{ [key: string]: never; }>;


export type AccessExpireMutation = { expireCredits: number };

export type AccessCreateAccountMutationVariables = Exact<{
  i: CreateAccountInput;
}>;


export type AccessCreateAccountMutation = { createAccount: { id: string } };

export type AccessAccountQueryVariables = Exact<{
  id: string | number;
}>;


export type AccessAccountQuery = { account: { id: string, name: string } | null };

export type AccessAccountsPageQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessAccountsPageQuery = { accounts: { totalCount: number, nodes: Array<{ id: string }> } };

export type AccessLicenseQueryVariables = Exact<{
  id: string | number;
}>;


export type AccessLicenseQuery = { license: { id: string, edition: Edition } | null };

export type AccessTicketQueryVariables = Exact<{
  id: string | number;
}>;


export type AccessTicketQuery = { ticket: { id: string, subject: string, status: TicketStatus } | null };

export type AccessQuoteQueryVariables = Exact<{
  l: string | number;
}>;


export type AccessQuoteQuery = { quote: { balance: number, price: { min: number, max: number } } };

export type AccessChargesQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessChargesQuery = { charges: { totalCount: number, nodes: Array<{ id: string }> } };

export type AccessTicketsQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessTicketsQuery = { tickets: { totalCount: number, nodes: Array<{ id: string }> } };

export type AccessTicketCountsQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessTicketCountsQuery = { ticketCounts: { open: number, total: number } };

export type AccessAuditEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessAuditEventsQuery = { auditEvents: { totalCount: number, nodes: Array<{ id: string, action: string }> } };

export type AccessChargeSummaryQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessChargeSummaryQuery = { chargeSummary: Array<{ key: string, charges: number, credits: number }> };

export type AccessMeQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessMeQuery = { me: { role: Role, keyName: string, accountIds: Array<string>, permissions: Array<Permission> } };

export type AccessPricingQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessPricingQuery = { pricing: { grantValidityMonths: number, grants: Array<{ edition: Edition, credits: number }> } };

export type AccessErrorCodesQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessErrorCodesQuery = { errorCodes: Array<ErrorCode> };

export type AccessGrantPreviewQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessGrantPreviewQuery = { grantPreview: { credits: number, note: string } };

export type AccessApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessApiKeysQuery = { apiKeys: Array<{ id: string, role: Role }> };

export type AccessIssueLicenseMutationVariables = Exact<{
  i: IssueLicenseInput;
}>;


export type AccessIssueLicenseMutation = { issueLicense: { id: string, creditsGranted: number } };

export type AccessPurchaseMutationVariables = Exact<{
  i: PurchaseCreditsInput;
}>;


export type AccessPurchaseMutation = { purchaseCredits: { id: string, originalCredits: number } };

export type AccessOpenTicketMutationVariables = Exact<{
  i: OpenTicketInput;
}>;


export type AccessOpenTicketMutation = { openTicket: { id: string, status: TicketStatus } };

export type AccessRefundMutationVariables = Exact<{
  i: RefundTicketInput;
}>;


export type AccessRefundMutation = { refundTicket: { id: string, credits: number } };

export type AccessCreateKeyMutationVariables = Exact<{
  i: CreateApiKeyInput;
}>;


export type AccessCreateKeyMutation = { createApiKey: { secret: string, apiKey: { id: string, role: Role } } };

export type AccessUpdateScopeMutationVariables = Exact<{
  i: UpdateApiKeyScopeInput;
}>;


export type AccessUpdateScopeMutation = { updateApiKeyScope: { id: string, accountIds: Array<string> } };

export type AccessScopeAfterQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessScopeAfterQuery = { me: { accountIds: Array<string> } };

export type AccessChargesOfQueryVariables = Exact<{
  a: string | number;
}>;


export type AccessChargesOfQuery = { charges: { totalCount: number } };

export type AccessAccountOfBQueryVariables = Exact<{
  id: string | number;
}>;


export type AccessAccountOfBQuery = { account: { id: string, name: string, balance: number } | null };

export type AccessLicenseOfBQueryVariables = Exact<{
  id: string | number;
}>;


export type AccessLicenseOfBQuery = { license: { id: string, domain: string } | null };

export type AccessTicketOfBQueryVariables = Exact<{
  id: string | number;
}>;


export type AccessTicketOfBQuery = { ticket: { id: string, subject: string } | null };

export type AccessChargeNodesOfQueryVariables = Exact<{
  a: string | number;
}>;


export type AccessChargeNodesOfQuery = { charges: { totalCount: number, nodes: Array<{ id: string }> } };

export type AccessSummaryOfQueryVariables = Exact<{
  a: string | number;
}>;


export type AccessSummaryOfQuery = { chargeSummary: Array<{ key: string, charges: number, credits: number }> };

export type AccessQuoteOfQueryVariables = Exact<{
  l: string | number;
}>;


export type AccessQuoteOfQuery = { quote: { balance: number } };

export type AccessIssueIntoMutationVariables = Exact<{
  i: IssueLicenseInput;
}>;


export type AccessIssueIntoMutation = { issueLicense: { id: string } };

export type AccessPurchaseIntoMutationVariables = Exact<{
  i: PurchaseCreditsInput;
}>;


export type AccessPurchaseIntoMutation = { purchaseCredits: { id: string } };

export type AccessOpenIntoMutationVariables = Exact<{
  i: OpenTicketInput;
}>;


export type AccessOpenIntoMutation = { openTicket: { id: string } };

export type AccessOwnLicensesQueryVariables = Exact<{
  id: string | number;
}>;


export type AccessOwnLicensesQuery = { account: { id: string, licenses: Array<{ id: string }> } | null };

export type AccessRefundOwnMutationVariables = Exact<{
  i: RefundTicketInput;
}>;


export type AccessRefundOwnMutation = { refundTicket: { id: string } };

export type AccessAccountNameQueryVariables = Exact<{
  id: string | number;
}>;


export type AccessAccountNameQuery = { account: { name: string } | null };

export type AccessSearchQueryVariables = Exact<{
  s?: string | null | undefined;
}>;


export type AccessSearchQuery = { accounts: { totalCount: number, nodes: Array<{ id: string }> } };

export type AccessScopedChargesQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessScopedChargesQuery = { charges: { nodes: Array<{ account: { id: string } }> }, chargeSummary: Array<{ key: string }> };

export type AccessMeScopeQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessMeScopeQuery = { me: { role: Role, accountIds: Array<string> } };

export type AccessPricingMonthsQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessPricingMonthsQuery = { pricing: { grantValidityMonths: number } };

export type KeysRowsQueryVariables = Exact<{ [key: string]: never; }>;


export type KeysRowsQuery = { apiKeys: Array<{ id: string, role: Role, lastUsedAt: string | null, accountIds: Array<string>, accounts: Array<{ id: string, name: string }> }> };

export type KeysUpdateScopeMutationVariables = Exact<{
  i: UpdateApiKeyScopeInput;
}>;


export type KeysUpdateScopeMutation = { updateApiKeyScope: { id: string, accountIds: Array<string>, accounts: Array<{ id: string }> } };

export type KeysMeRoleQueryVariables = Exact<{ [key: string]: never; }>;


export type KeysMeRoleQuery = { me: { role: Role } };

export type KeysMeScopeQueryVariables = Exact<{ [key: string]: never; }>;


export type KeysMeScopeQuery = { me: { accountIds: Array<string> } };

export type KeysRevokeMutationVariables = Exact<{
  id: string | number;
}>;


export type KeysRevokeMutation = { revokeApiKey: { id: string } };

export type KeysGoneQueryVariables = Exact<{
  id: string | number;
}>;


export type KeysGoneQuery = { account: { id: string } | null };

export type BadPurchaseMutationVariables = Exact<{
  i: PurchaseCreditsInput;
}>;


export type BadPurchaseMutation = { purchaseCredits: { id: string } };

export type BadIssueMutationVariables = Exact<{
  i: IssueLicenseInput;
}>;


export type BadIssueMutation = { issueLicense: { id: string } };

export type BadOpenMutationVariables = Exact<{
  i: OpenTicketInput;
}>;


export type BadOpenMutation = { openTicket: { id: string } };

export type BadCreateAccountMutationVariables = Exact<{
  i: CreateAccountInput;
}>;


export type BadCreateAccountMutation = { createAccount: { id: string } };

export type BadRefundMutationVariables = Exact<{
  i: RefundTicketInput;
}>;


export type BadRefundMutation = { refundTicket: { id: string } };

export type BadCreateKeyMutationVariables = Exact<{
  i: CreateApiKeyInput;
}>;


export type BadCreateKeyMutation = { createApiKey: { secret: string } };

export type BadUpdateScopeMutationVariables = Exact<{
  i: UpdateApiKeyScopeInput;
}>;


export type BadUpdateScopeMutation = { updateApiKeyScope: { id: string } };

export type BadGrantPreviewQueryVariables = Exact<{
  i: GrantPreviewInput;
}>;


export type BadGrantPreviewQuery = { grantPreview: { credits: number } };

export type BadAccountIdQueryVariables = Exact<{
  id: string | number;
}>;


export type BadAccountIdQuery = { account: { id: string } | null };

export type BadLicenseIdQueryVariables = Exact<{
  id: string | number;
}>;


export type BadLicenseIdQuery = { license: { id: string } | null };

export type BadTicketIdQueryVariables = Exact<{
  id: string | number;
}>;


export type BadTicketIdQuery = { ticket: { id: string } | null };

export type BadQuoteLicenseIdQueryVariables = Exact<{
  l: string | number;
}>;


export type BadQuoteLicenseIdQuery = { quote: { balance: number } };

export type BadTicketsAccountIdQueryVariables = Exact<{
  a?: string | number | null | undefined;
}>;


export type BadTicketsAccountIdQuery = { tickets: { totalCount: number } };

export type BadTicketsOpenedByQueryVariables = Exact<{
  a?: string | number | null | undefined;
}>;


export type BadTicketsOpenedByQuery = { tickets: { totalCount: number } };

export type BadTicketCountsAccountIdQueryVariables = Exact<{
  a?: string | number | null | undefined;
}>;


export type BadTicketCountsAccountIdQuery = { ticketCounts: { open: number } };

export type BadTicketCountsOpenedByQueryVariables = Exact<{
  a?: string | number | null | undefined;
}>;


export type BadTicketCountsOpenedByQuery = { ticketCounts: { open: number } };

export type BadAuditAccountIdQueryVariables = Exact<{
  a?: string | number | null | undefined;
}>;


export type BadAuditAccountIdQuery = { auditEvents: { totalCount: number } };

export type BadAuditKeyIdQueryVariables = Exact<{
  a?: string | number | null | undefined;
}>;


export type BadAuditKeyIdQuery = { auditEvents: { totalCount: number } };

export type BadChargesAccountIdQueryVariables = Exact<{
  a?: string | number | null | undefined;
}>;


export type BadChargesAccountIdQuery = { charges: { totalCount: number } };

export type BadSummaryAccountIdQueryVariables = Exact<{
  a?: string | number | null | undefined;
}>;


export type BadSummaryAccountIdQuery = { chargeSummary: Array<{ key: string }> };

export type BadRevokeIdMutationVariables = Exact<{
  id: string | number;
}>;


export type BadRevokeIdMutation = { revokeApiKey: { id: string } };

export type BadGroupingQueryVariables = Exact<{
  g: ChargeGrouping;
}>;


export type BadGroupingQuery = { chargeSummary: Array<{ key: string }> };

export type BadTicketStatusQueryVariables = Exact<{
  id: string | number;
  s?: TicketStatus | null | undefined;
}>;


export type BadTicketStatusQuery = { account: { tickets: { totalCount: number } } | null };

export type BadaccountsFirstQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type BadaccountsFirstQuery = { accounts: { totalCount: number } };

export type BadchargesFirstQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type BadchargesFirstQuery = { charges: { totalCount: number } };

export type BadAccountticketsFirstQueryVariables = Exact<{
  id: string | number;
  n?: number | null | undefined;
}>;


export type BadAccountticketsFirstQuery = { account: { tickets: { totalCount: number } } | null };

export type BadAccountchargesFirstQueryVariables = Exact<{
  id: string | number;
  n?: number | null | undefined;
}>;


export type BadAccountchargesFirstQuery = { account: { charges: { totalCount: number } } | null };

export type BadAccountledgerFirstQueryVariables = Exact<{
  id: string | number;
  n?: number | null | undefined;
}>;


export type BadAccountledgerFirstQuery = { account: { ledger: { totalCount: number } } | null };

export type BadAccountstatementsFirstQueryVariables = Exact<{
  id: string | number;
  n?: number | null | undefined;
}>;


export type BadAccountstatementsFirstQuery = { account: { statements: { totalCount: number } } | null };

export type BadaccountsAfterQueryVariables = Exact<{
  c?: string | null | undefined;
}>;


export type BadaccountsAfterQuery = { accounts: { totalCount: number } };

export type BadchargesAfterQueryVariables = Exact<{
  c?: string | null | undefined;
}>;


export type BadchargesAfterQuery = { charges: { totalCount: number } };

export type BadAccountticketsAfterQueryVariables = Exact<{
  id: string | number;
  c?: string | null | undefined;
}>;


export type BadAccountticketsAfterQuery = { account: { tickets: { totalCount: number } } | null };

export type BadAccountchargesAfterQueryVariables = Exact<{
  id: string | number;
  c?: string | null | undefined;
}>;


export type BadAccountchargesAfterQuery = { account: { charges: { totalCount: number } } | null };

export type BadAccountledgerAfterQueryVariables = Exact<{
  id: string | number;
  c?: string | null | undefined;
}>;


export type BadAccountledgerAfterQuery = { account: { ledger: { totalCount: number } } | null };

export type BadAccountstatementsAfterQueryVariables = Exact<{
  id: string | number;
  c?: string | null | undefined;
}>;


export type BadAccountstatementsAfterQuery = { account: { statements: { totalCount: number } } | null };

export type BadSummaryPageQueryVariables = Exact<{
  g: ChargeGrouping;
  n?: number | null | undefined;
  c?: string | null | undefined;
}>;


export type BadSummaryPageQuery = { chargeSummary: Array<{ key: string }> };

export type ClockExpireMutationVariables = Exact<{ [key: string]: never; }>;


export type ClockExpireMutation = { expireCredits: number };

export type ClockLedgerQueryVariables = Exact<{
  id: string | number;
}>;


export type ClockLedgerQuery = { account: { ledger: { nodes: Array<{ kind: LedgerEntryKind, credits: number, at: string }> } } | null };

export type ConcurrentPurchaseMutationVariables = Exact<{
  i: PurchaseCreditsInput;
}>;


export type ConcurrentPurchaseMutation = { purchaseCredits: { id: string, originalCredits: number, remainingCredits: number } };

export type ConcurrentExpireMutationVariables = Exact<{ [key: string]: never; }>;


export type ConcurrentExpireMutation = { expireCredits: number };

export type ConcurrentOpenTicketsQueryVariables = Exact<{
  id: string | number;
}>;


export type ConcurrentOpenTicketsQuery = { account: { tickets: { totalCount: number } } | null };

export type DataloaderPageQueryVariables = Exact<{
  n: number;
}>;


export type DataloaderPageQuery = { accounts: { nodes: Array<{ id: string, name: string, balance: number, licenses: Array<{ id: string, creditLot: { id: string } | null }>, creditLots: Array<{ id: string }>, tickets: { nodes: Array<{ id: string, charge: { id: string, allocations: Array<{ credits: number, lot: { id: string } }> } | null }> } }> } };

export type ErrorsTicketQueryVariables = Exact<{
  id: string | number;
}>;


export type ErrorsTicketQuery = { ticket: { id: string, subject: string } | null };

export type ErrorsSubjectQueryVariables = Exact<{
  id: string | number;
}>;


export type ErrorsSubjectQuery = { ticket: { subject: string } | null };

export type ErrorsOpenMutationVariables = Exact<{
  i: OpenTicketInput;
}>;


export type ErrorsOpenMutation = { openTicket: { id: string, subject: string } };

export type ErrorsMixedQueryVariables = Exact<{
  id: string | number;
  l: string | number;
}>;


export type ErrorsMixedQuery = { pricing: { grantValidityMonths: number }, license: { id: string } | null, ticket: { subject: string } | null };

export type ExportOpenTicketMutationVariables = Exact<{
  i: OpenTicketInput;
}>;


export type ExportOpenTicketMutation = { openTicket: { id: string } };

export type PropIssueMutationVariables = Exact<{
  i: IssueLicenseInput;
}>;


export type PropIssueMutation = { issueLicense: { id: string, creditsGranted: number, creditLot: { id: string, expiresAt: string | null, originalCredits: number } | null } };

export type PropPurchaseMutationVariables = Exact<{
  i: PurchaseCreditsInput;
}>;


export type PropPurchaseMutation = { purchaseCredits: { id: string, originalCredits: number, expiresAt: string | null, source: LotSource } };

export type PropOpenMutationVariables = Exact<{
  i: OpenTicketInput;
}>;


export type PropOpenMutation = { openTicket: { id: string, status: TicketStatus, price: { min: number, max: number, included: boolean } } };

export type PropExpireMutationVariables = Exact<{
  asOf?: string | null | undefined;
}>;


export type PropExpireMutation = { expireCredits: number };

export type PropSnapshotQueryVariables = Exact<{
  id: string | number;
  future?: string | null | undefined;
}>;


export type PropSnapshotQuery = { account: { balance: number, future: number, creditLots: Array<{ id: string, source: LotSource, originalCredits: number, remainingCredits: number, expiresAt: string | null, expired: boolean }>, tickets: { totalCount: number, nodes: Array<{ id: string, status: TicketStatus }> } } | null };

export type PropHistoryQueryVariables = Exact<{
  id: string | number;
  t0: string;
  t1: string;
  t2: string;
  t3: string;
  t4: string;
  t5: string;
  t6: string;
  t7: string;
  t8: string;
  t9: string;
}>;


export type PropHistoryQuery = { account: { b0: number, b1: number, b2: number, b3: number, b4: number, b5: number, b6: number, b7: number, b8: number, b9: number } | null };

export type LotFieldsFragment = { id: string, source: LotSource, originalCredits: number, remainingCredits: number, spentCredits: number, refundedCredits: number, expiredCredits: number, expiresAt: string | null, expired: boolean, createdAt: string, paymentReference: string | null, amountPaidCents: number | null, currency: string | null, remainingValueCents: number | null, spentValueCents: number | null, expiredValueCents: number | null, license: { id: string } | null };

export type RulesIssueMutationVariables = Exact<{
  i: IssueLicenseInput;
}>;


export type RulesIssueMutation = { issueLicense: { id: string, edition: Edition, hostingPlan: HostingPlan | null, orderDate: string, creditsGranted: number, grantNote: string, includedLevels: Array<SupportLevel>, creditLot: { id: string, source: LotSource, originalCredits: number, remainingCredits: number, spentCredits: number, refundedCredits: number, expiredCredits: number, expiresAt: string | null, expired: boolean, createdAt: string, paymentReference: string | null, amountPaidCents: number | null, currency: string | null, remainingValueCents: number | null, spentValueCents: number | null, expiredValueCents: number | null, license: { id: string } | null } | null } };

export type RulesPurchaseMutationVariables = Exact<{
  i: PurchaseCreditsInput;
}>;


export type RulesPurchaseMutation = { purchaseCredits: { alreadyRecorded: boolean, id: string, source: LotSource, originalCredits: number, remainingCredits: number, spentCredits: number, refundedCredits: number, expiredCredits: number, expiresAt: string | null, expired: boolean, createdAt: string, paymentReference: string | null, amountPaidCents: number | null, currency: string | null, remainingValueCents: number | null, spentValueCents: number | null, expiredValueCents: number | null, license: { id: string } | null } };

export type RulesOpenMutationVariables = Exact<{
  i: OpenTicketInput;
}>;


export type RulesOpenMutation = { openTicket: { id: string, category: TicketCategory, level: SupportLevel, status: TicketStatus, price: { min: number, max: number, included: boolean }, license: { id: string } } };

export type RulesChargeMutationVariables = Exact<{
  i: ChargeTicketInput;
}>;


export type RulesChargeMutation = { chargeTicket: { id: string, credits: number, included: boolean, balanceAfter: number, refunded: boolean, createdAt: string, ticket: { id: string, status: TicketStatus }, allocations: Array<{ credits: number, lot: { id: string, source: LotSource } }> } };

export type RulesRefundMutationVariables = Exact<{
  i: RefundTicketInput;
}>;


export type RulesRefundMutation = { refundTicket: { id: string, credits: number, reason: string, balanceAfter: number, createdAt: string, allocations: Array<{ credits: number, lot: { id: string, source: LotSource, expiresAt: string | null } }>, charge: { id: string, credits: number, included: boolean, refunded: boolean, allocations: Array<{ credits: number, lot: { id: string } }> }, ticket: { id: string, status: TicketStatus } } };

export type RulesTicketQueryVariables = Exact<{
  id: string | number;
}>;


export type RulesTicketQuery = { ticket: { id: string, status: TicketStatus, price: { min: number, max: number, included: boolean }, charge: { id: string, credits: number } | null, refund: { id: string, credits: number } | null } | null };

export type RulesStateQueryVariables = Exact<{
  id: string | number;
}>;


export type RulesStateQuery = { account: { balance: number, ledger: { totalCount: number }, charges: { totalCount: number }, statements: { totalCount: number }, creditLots: Array<{ id: string, remainingCredits: number, spentCredits: number, refundedCredits: number, expiredCredits: number }> } | null };

export type RulesLotsQueryVariables = Exact<{
  id: string | number;
  all?: boolean | null | undefined;
}>;


export type RulesLotsQuery = { account: { creditLots: Array<{ id: string, source: LotSource, originalCredits: number, remainingCredits: number, spentCredits: number, refundedCredits: number, expiredCredits: number, expiresAt: string | null, expired: boolean, createdAt: string, paymentReference: string | null, amountPaidCents: number | null, currency: string | null, remainingValueCents: number | null, spentValueCents: number | null, expiredValueCents: number | null, license: { id: string } | null }> } | null };

export type RulesLedgerQueryVariables = Exact<{
  id: string | number;
}>;


export type RulesLedgerQuery = { account: { ledger: { totalCount: number, nodes: Array<{ id: string, kind: LedgerEntryKind, credits: number, at: string, lot: { id: string }, ticket: { id: string } | null }> } } | null };

export type RulesBalanceQueryVariables = Exact<{
  id: string | number;
  asOf?: string | null | undefined;
}>;


export type RulesBalanceQuery = { account: { balance: number } | null };

export type RulesExpireMutationVariables = Exact<{
  asOf?: string | null | undefined;
}>;


export type RulesExpireMutation = { expireCredits: number };

export type RulesChargeCountQueryVariables = Exact<{
  id: string | number;
}>;


export type RulesChargeCountQuery = { account: { charges: { totalCount: number } } | null };

export type RulesGrantDecisionsQueryVariables = Exact<{
  id: string | number;
  l: string | number;
}>;


export type RulesGrantDecisionsQuery = { license: { id: string, creditsGranted: number, grantNote: string, creditLot: { id: string } | null } | null, account: { licenses: Array<{ id: string, creditsGranted: number, grantNote: string, creditLot: { id: string } | null }> } | null };

export type RulesQuoteQueryVariables = Exact<{
  l: string | number;
  c: TicketCategory;
}>;


export type RulesQuoteQuery = { quote: { category: TicketCategory, level: SupportLevel, price: { min: number, max: number, included: boolean } } };

export type RulesIncludedChargesQueryVariables = Exact<{
  id: string | number;
}>;


export type RulesIncludedChargesQuery = { account: { charges: { totalCount: number, nodes: Array<{ id: string, credits: number, included: boolean }> } } | null, charges: { totalCount: number, nodes: Array<{ id: string, credits: number, included: boolean }> } };

export type RulesOpenTicketsQueryVariables = Exact<{
  id: string | number;
}>;


export type RulesOpenTicketsQuery = { account: { tickets: { totalCount: number } } | null };

export type RulesStatementsQueryVariables = Exact<{
  id: string | number;
}>;


export type RulesStatementsQuery = { account: { statements: { totalCount: number, nodes: Array<{ kind: StatementKind, credits: number, balanceAfter: number, message: string, ticket: { id: string } }> } } | null };

export type PortalTestPageQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalTestPageQuery = { me: { role: Role, accountIds: Array<string>, permissions: Array<Permission> }, account: { id: string, balance: number, creditLots: Array<{ id: string, remainingCredits: number, expiresAt: string | null }>, receipts: { nodes: Array<{ kind: ReceiptKind, credits: number }> } } | null };

export type PortalTestCreateMutationVariables = Exact<{
  a: string | number;
}>;


export type PortalTestCreateMutation = { createPortalLink: { url: string, expiresAt: string } };

export type PortalTestRevokeMutationVariables = Exact<{
  a: string | number;
}>;


export type PortalTestRevokeMutation = { revokePortalLinks: number };

export type PortalTestEmailQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalTestEmailQuery = { account: { email: string, balance: number } | null };

export type EdgesTwoPurchasesMutationVariables = Exact<{
  a: string | number;
}>;


export type EdgesTwoPurchasesMutation = { p1: { account: { balance: number } }, p2: { account: { balance: number } } };

export type EdgesSearchQueryVariables = Exact<{
  s?: string | null | undefined;
}>;


export type EdgesSearchQuery = { accounts: { totalCount: number } };

export type EdgesMeQueryVariables = Exact<{ [key: string]: never; }>;


export type EdgesMeQuery = { me: { role: Role } };

export type EdgesMeBothQueryVariables = Exact<{ [key: string]: never; }>;


export type EdgesMeBothQuery = { me: { role: Role } };

export type EdgesFirstPageQueryVariables = Exact<{ [key: string]: never; }>;


export type EdgesFirstPageQuery = { accounts: { pageInfo: { endCursor: string | null } } };

export type EdgesEmptyPageQueryVariables = Exact<{
  c?: string | null | undefined;
}>;


export type EdgesEmptyPageQuery = { accounts: { nodes: Array<{ id: string }>, pageInfo: { endCursor: string | null } } };

export type EdgesReadQueryVariables = Exact<{ [key: string]: never; }>;


export type EdgesReadQuery = { accounts: { totalCount: number } };

export type DeskQueueQueryVariables = Exact<{
  f?: TicketFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DeskQueueQuery = { tickets: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, status: TicketStatus, category: TicketCategory, level: SupportLevel, openedByKeyId: string | null, openedByName: string | null, account: { id: string } }> } };

export type DeskCountsQueryVariables = Exact<{
  f?: TicketFilter | null | undefined;
}>;


export type DeskCountsQuery = { ticketCounts: { open: number, charged: number, refunded: number, total: number } };

export type DeskTrailQueryVariables = Exact<{
  f?: AuditEventFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DeskTrailQuery = { auditEvents: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, at: string, action: string, accountId: string | null, targetId: string | null, keyId: string | null, keyName: string, role: Role, requestId: string, details: string }> } };

export type ServedRootFieldsQueryVariables = Exact<{ [key: string]: never; }>;


export type ServedRootFieldsQuery = { __schema: { queryType: { fields: Array<{ name: string }> | null }, mutationType: { fields: Array<{ name: string }> | null } | null } };

export type AccountFiguresQueryVariables = Exact<{
  id: string | number;
}>;


export type AccountFiguresQuery = { account: { balance: number, ledger: { totalCount: number }, licenses: Array<{ id: string }>, tickets: { totalCount: number } } | null };

export type FixtureCreateAccountMutationVariables = Exact<{
  i: CreateAccountInput;
}>;


export type FixtureCreateAccountMutation = { createAccount: { id: string } };

export type FixtureIssueLicenseMutationVariables = Exact<{
  i: IssueLicenseInput;
}>;


export type FixtureIssueLicenseMutation = { issueLicense: { id: string, creditsGranted: number, grantNote: string, creditLot: { id: string, expiresAt: string | null } | null } };

export type FixturePurchaseMutationVariables = Exact<{
  i: PurchaseCreditsInput;
}>;


export type FixturePurchaseMutation = { purchaseCredits: { id: string } };

export type FixtureOpenTicketMutationVariables = Exact<{
  i: OpenTicketInput;
}>;


export type FixtureOpenTicketMutation = { openTicket: { id: string } };

export type FixtureChargeMutationVariables = Exact<{
  i: ChargeTicketInput;
}>;


export type FixtureChargeMutation = { chargeTicket: { id: string, credits: number, included: boolean, balanceAfter: number, refunded: boolean, allocations: Array<{ credits: number, lot: { id: string, source: LotSource } }> } };

export type FixtureRefundMutationVariables = Exact<{
  i: RefundTicketInput;
}>;


export type FixtureRefundMutation = { refundTicket: { id: string, credits: number, balanceAfter: number, allocations: Array<{ credits: number, lot: { id: string, source: LotSource, expiresAt: string | null } }> } };

export type FixtureBalanceQueryVariables = Exact<{
  id: string | number;
  asOf?: string | null | undefined;
}>;


export type FixtureBalanceQuery = { account: { balance: number } | null };

export type FixtureCreateKeyMutationVariables = Exact<{
  i: CreateApiKeyInput;
}>;


export type FixtureCreateKeyMutation = { createApiKey: { secret: string, apiKey: { id: string } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const LotFieldsFragmentDoc = new TypedDocumentString(`
    fragment LotFields on CreditLot {
  id
  source
  originalCredits
  remainingCredits
  spentCredits
  refundedCredits
  expiredCredits
  expiresAt
  expired
  createdAt
  paymentReference
  amountPaidCents
  currency
  remainingValueCents
  spentValueCents
  expiredValueCents
  license {
    id
  }
}
    `, {"fragmentName":"LotFields"}) as unknown as TypedDocumentString<LotFieldsFragment, unknown>;
export const AccessTicketStatusDocument = new TypedDocumentString(`
    query AccessTicketStatus($id: ID!) {
  ticket(id: $id) {
    status
  }
}
    `) as unknown as TypedDocumentString<AccessTicketStatusQuery, AccessTicketStatusQueryVariables>;
export const AccessRevokeDocument = new TypedDocumentString(`
    mutation AccessRevoke($id: ID!) {
  revokeApiKey(id: $id) {
    id
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<AccessRevokeMutation, AccessRevokeMutationVariables>;
export const AccessMeRoleDocument = new TypedDocumentString(`
    query AccessMeRole {
  me {
    role
  }
}
    `) as unknown as TypedDocumentString<AccessMeRoleQuery, AccessMeRoleQueryVariables>;
export const AccessAccountIdDocument = new TypedDocumentString(`
    query AccessAccountId($id: ID!) {
  account(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<AccessAccountIdQuery, AccessAccountIdQueryVariables>;
export const AccessAccountsDocument = new TypedDocumentString(`
    query AccessAccounts {
  accounts(first: 100) {
    totalCount
    nodes {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AccessAccountsQuery, AccessAccountsQueryVariables>;
export const AccessExpireDocument = new TypedDocumentString(`
    mutation AccessExpire {
  expireCredits
}
    `) as unknown as TypedDocumentString<AccessExpireMutation, AccessExpireMutationVariables>;
export const AccessCreateAccountDocument = new TypedDocumentString(`
    mutation AccessCreateAccount($i: CreateAccountInput!) {
  createAccount(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<AccessCreateAccountMutation, AccessCreateAccountMutationVariables>;
export const AccessAccountDocument = new TypedDocumentString(`
    query AccessAccount($id: ID!) {
  account(id: $id) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<AccessAccountQuery, AccessAccountQueryVariables>;
export const AccessAccountsPageDocument = new TypedDocumentString(`
    query AccessAccountsPage {
  accounts(first: 5) {
    totalCount
    nodes {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AccessAccountsPageQuery, AccessAccountsPageQueryVariables>;
export const AccessLicenseDocument = new TypedDocumentString(`
    query AccessLicense($id: ID!) {
  license(id: $id) {
    id
    edition
  }
}
    `) as unknown as TypedDocumentString<AccessLicenseQuery, AccessLicenseQueryVariables>;
export const AccessTicketDocument = new TypedDocumentString(`
    query AccessTicket($id: ID!) {
  ticket(id: $id) {
    id
    subject
    status
  }
}
    `) as unknown as TypedDocumentString<AccessTicketQuery, AccessTicketQueryVariables>;
export const AccessQuoteDocument = new TypedDocumentString(`
    query AccessQuote($l: ID!) {
  quote(licenseId: $l, category: ROOT_CAUSE_ANALYSIS) {
    balance
    price {
      min
      max
    }
  }
}
    `) as unknown as TypedDocumentString<AccessQuoteQuery, AccessQuoteQueryVariables>;
export const AccessChargesDocument = new TypedDocumentString(`
    query AccessCharges {
  charges(first: 5) {
    totalCount
    nodes {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AccessChargesQuery, AccessChargesQueryVariables>;
export const AccessTicketsDocument = new TypedDocumentString(`
    query AccessTickets {
  tickets(first: 5) {
    totalCount
    nodes {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AccessTicketsQuery, AccessTicketsQueryVariables>;
export const AccessTicketCountsDocument = new TypedDocumentString(`
    query AccessTicketCounts {
  ticketCounts {
    open
    total
  }
}
    `) as unknown as TypedDocumentString<AccessTicketCountsQuery, AccessTicketCountsQueryVariables>;
export const AccessAuditEventsDocument = new TypedDocumentString(`
    query AccessAuditEvents {
  auditEvents(first: 5) {
    totalCount
    nodes {
      id
      action
    }
  }
}
    `) as unknown as TypedDocumentString<AccessAuditEventsQuery, AccessAuditEventsQueryVariables>;
export const AccessChargeSummaryDocument = new TypedDocumentString(`
    query AccessChargeSummary {
  chargeSummary(groupBy: CATEGORY) {
    key
    charges
    credits
  }
}
    `) as unknown as TypedDocumentString<AccessChargeSummaryQuery, AccessChargeSummaryQueryVariables>;
export const AccessMeDocument = new TypedDocumentString(`
    query AccessMe {
  me {
    role
    keyName
    accountIds
    permissions
  }
}
    `) as unknown as TypedDocumentString<AccessMeQuery, AccessMeQueryVariables>;
export const AccessPricingDocument = new TypedDocumentString(`
    query AccessPricing {
  pricing {
    grantValidityMonths
    grants {
      edition
      credits
    }
  }
}
    `) as unknown as TypedDocumentString<AccessPricingQuery, AccessPricingQueryVariables>;
export const AccessErrorCodesDocument = new TypedDocumentString(`
    query AccessErrorCodes {
  errorCodes
}
    `) as unknown as TypedDocumentString<AccessErrorCodesQuery, AccessErrorCodesQueryVariables>;
export const AccessGrantPreviewDocument = new TypedDocumentString(`
    query AccessGrantPreview {
  grantPreview(
    input: {edition: OWNED, listPriceCents: 10000, paidPriceCents: 10000}
  ) {
    credits
    note
  }
}
    `) as unknown as TypedDocumentString<AccessGrantPreviewQuery, AccessGrantPreviewQueryVariables>;
export const AccessApiKeysDocument = new TypedDocumentString(`
    query AccessApiKeys {
  apiKeys {
    id
    role
  }
}
    `) as unknown as TypedDocumentString<AccessApiKeysQuery, AccessApiKeysQueryVariables>;
export const AccessIssueLicenseDocument = new TypedDocumentString(`
    mutation AccessIssueLicense($i: IssueLicenseInput!) {
  issueLicense(input: $i) {
    id
    creditsGranted
  }
}
    `) as unknown as TypedDocumentString<AccessIssueLicenseMutation, AccessIssueLicenseMutationVariables>;
export const AccessPurchaseDocument = new TypedDocumentString(`
    mutation AccessPurchase($i: PurchaseCreditsInput!) {
  purchaseCredits(input: $i) {
    id
    originalCredits
  }
}
    `) as unknown as TypedDocumentString<AccessPurchaseMutation, AccessPurchaseMutationVariables>;
export const AccessOpenTicketDocument = new TypedDocumentString(`
    mutation AccessOpenTicket($i: OpenTicketInput!) {
  openTicket(input: $i) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<AccessOpenTicketMutation, AccessOpenTicketMutationVariables>;
export const AccessRefundDocument = new TypedDocumentString(`
    mutation AccessRefund($i: RefundTicketInput!) {
  refundTicket(input: $i) {
    id
    credits
  }
}
    `) as unknown as TypedDocumentString<AccessRefundMutation, AccessRefundMutationVariables>;
export const AccessCreateKeyDocument = new TypedDocumentString(`
    mutation AccessCreateKey($i: CreateApiKeyInput!) {
  createApiKey(input: $i) {
    apiKey {
      id
      role
    }
    secret
  }
}
    `) as unknown as TypedDocumentString<AccessCreateKeyMutation, AccessCreateKeyMutationVariables>;
export const AccessUpdateScopeDocument = new TypedDocumentString(`
    mutation AccessUpdateScope($i: UpdateApiKeyScopeInput!) {
  updateApiKeyScope(input: $i) {
    id
    accountIds
  }
}
    `) as unknown as TypedDocumentString<AccessUpdateScopeMutation, AccessUpdateScopeMutationVariables>;
export const AccessScopeAfterDocument = new TypedDocumentString(`
    query AccessScopeAfter {
  me {
    accountIds
  }
}
    `) as unknown as TypedDocumentString<AccessScopeAfterQuery, AccessScopeAfterQueryVariables>;
export const AccessChargesOfDocument = new TypedDocumentString(`
    query AccessChargesOf($a: ID!) {
  charges(filter: {accountId: $a}) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<AccessChargesOfQuery, AccessChargesOfQueryVariables>;
export const AccessAccountOfBDocument = new TypedDocumentString(`
    query AccessAccountOfB($id: ID!) {
  account(id: $id) {
    id
    name
    balance
  }
}
    `) as unknown as TypedDocumentString<AccessAccountOfBQuery, AccessAccountOfBQueryVariables>;
export const AccessLicenseOfBDocument = new TypedDocumentString(`
    query AccessLicenseOfB($id: ID!) {
  license(id: $id) {
    id
    domain
  }
}
    `) as unknown as TypedDocumentString<AccessLicenseOfBQuery, AccessLicenseOfBQueryVariables>;
export const AccessTicketOfBDocument = new TypedDocumentString(`
    query AccessTicketOfB($id: ID!) {
  ticket(id: $id) {
    id
    subject
  }
}
    `) as unknown as TypedDocumentString<AccessTicketOfBQuery, AccessTicketOfBQueryVariables>;
export const AccessChargeNodesOfDocument = new TypedDocumentString(`
    query AccessChargeNodesOf($a: ID!) {
  charges(filter: {accountId: $a}) {
    totalCount
    nodes {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AccessChargeNodesOfQuery, AccessChargeNodesOfQueryVariables>;
export const AccessSummaryOfDocument = new TypedDocumentString(`
    query AccessSummaryOf($a: ID!) {
  chargeSummary(filter: {accountId: $a}, groupBy: ACCOUNT) {
    key
    charges
    credits
  }
}
    `) as unknown as TypedDocumentString<AccessSummaryOfQuery, AccessSummaryOfQueryVariables>;
export const AccessQuoteOfDocument = new TypedDocumentString(`
    query AccessQuoteOf($l: ID!) {
  quote(licenseId: $l, category: SETUP) {
    balance
  }
}
    `) as unknown as TypedDocumentString<AccessQuoteOfQuery, AccessQuoteOfQueryVariables>;
export const AccessIssueIntoDocument = new TypedDocumentString(`
    mutation AccessIssueInto($i: IssueLicenseInput!) {
  issueLicense(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<AccessIssueIntoMutation, AccessIssueIntoMutationVariables>;
export const AccessPurchaseIntoDocument = new TypedDocumentString(`
    mutation AccessPurchaseInto($i: PurchaseCreditsInput!) {
  purchaseCredits(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<AccessPurchaseIntoMutation, AccessPurchaseIntoMutationVariables>;
export const AccessOpenIntoDocument = new TypedDocumentString(`
    mutation AccessOpenInto($i: OpenTicketInput!) {
  openTicket(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<AccessOpenIntoMutation, AccessOpenIntoMutationVariables>;
export const AccessOwnLicensesDocument = new TypedDocumentString(`
    query AccessOwnLicenses($id: ID!) {
  account(id: $id) {
    id
    licenses {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AccessOwnLicensesQuery, AccessOwnLicensesQueryVariables>;
export const AccessRefundOwnDocument = new TypedDocumentString(`
    mutation AccessRefundOwn($i: RefundTicketInput!) {
  refundTicket(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<AccessRefundOwnMutation, AccessRefundOwnMutationVariables>;
export const AccessAccountNameDocument = new TypedDocumentString(`
    query AccessAccountName($id: ID!) {
  account(id: $id) {
    name
  }
}
    `) as unknown as TypedDocumentString<AccessAccountNameQuery, AccessAccountNameQueryVariables>;
export const AccessSearchDocument = new TypedDocumentString(`
    query AccessSearch($s: String) {
  accounts(first: 100, search: $s) {
    totalCount
    nodes {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AccessSearchQuery, AccessSearchQueryVariables>;
export const AccessScopedChargesDocument = new TypedDocumentString(`
    query AccessScopedCharges {
  charges(first: 100) {
    nodes {
      account {
        id
      }
    }
  }
  chargeSummary(groupBy: ACCOUNT) {
    key
  }
}
    `) as unknown as TypedDocumentString<AccessScopedChargesQuery, AccessScopedChargesQueryVariables>;
export const AccessMeScopeDocument = new TypedDocumentString(`
    query AccessMeScope {
  me {
    role
    accountIds
  }
}
    `) as unknown as TypedDocumentString<AccessMeScopeQuery, AccessMeScopeQueryVariables>;
export const AccessPricingMonthsDocument = new TypedDocumentString(`
    query AccessPricingMonths {
  pricing {
    grantValidityMonths
  }
}
    `) as unknown as TypedDocumentString<AccessPricingMonthsQuery, AccessPricingMonthsQueryVariables>;
export const KeysRowsDocument = new TypedDocumentString(`
    query KeysRows {
  apiKeys {
    id
    role
    lastUsedAt
    accountIds
    accounts {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<KeysRowsQuery, KeysRowsQueryVariables>;
export const KeysUpdateScopeDocument = new TypedDocumentString(`
    mutation KeysUpdateScope($i: UpdateApiKeyScopeInput!) {
  updateApiKeyScope(input: $i) {
    id
    accountIds
    accounts {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<KeysUpdateScopeMutation, KeysUpdateScopeMutationVariables>;
export const KeysMeRoleDocument = new TypedDocumentString(`
    query KeysMeRole {
  me {
    role
  }
}
    `) as unknown as TypedDocumentString<KeysMeRoleQuery, KeysMeRoleQueryVariables>;
export const KeysMeScopeDocument = new TypedDocumentString(`
    query KeysMeScope {
  me {
    accountIds
  }
}
    `) as unknown as TypedDocumentString<KeysMeScopeQuery, KeysMeScopeQueryVariables>;
export const KeysRevokeDocument = new TypedDocumentString(`
    mutation KeysRevoke($id: ID!) {
  revokeApiKey(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<KeysRevokeMutation, KeysRevokeMutationVariables>;
export const KeysGoneDocument = new TypedDocumentString(`
    query KeysGone($id: ID!) {
  account(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<KeysGoneQuery, KeysGoneQueryVariables>;
export const BadPurchaseDocument = new TypedDocumentString(`
    mutation BadPurchase($i: PurchaseCreditsInput!) {
  purchaseCredits(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<BadPurchaseMutation, BadPurchaseMutationVariables>;
export const BadIssueDocument = new TypedDocumentString(`
    mutation BadIssue($i: IssueLicenseInput!) {
  issueLicense(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<BadIssueMutation, BadIssueMutationVariables>;
export const BadOpenDocument = new TypedDocumentString(`
    mutation BadOpen($i: OpenTicketInput!) {
  openTicket(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<BadOpenMutation, BadOpenMutationVariables>;
export const BadCreateAccountDocument = new TypedDocumentString(`
    mutation BadCreateAccount($i: CreateAccountInput!) {
  createAccount(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<BadCreateAccountMutation, BadCreateAccountMutationVariables>;
export const BadRefundDocument = new TypedDocumentString(`
    mutation BadRefund($i: RefundTicketInput!) {
  refundTicket(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<BadRefundMutation, BadRefundMutationVariables>;
export const BadCreateKeyDocument = new TypedDocumentString(`
    mutation BadCreateKey($i: CreateApiKeyInput!) {
  createApiKey(input: $i) {
    secret
  }
}
    `) as unknown as TypedDocumentString<BadCreateKeyMutation, BadCreateKeyMutationVariables>;
export const BadUpdateScopeDocument = new TypedDocumentString(`
    mutation BadUpdateScope($i: UpdateApiKeyScopeInput!) {
  updateApiKeyScope(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<BadUpdateScopeMutation, BadUpdateScopeMutationVariables>;
export const BadGrantPreviewDocument = new TypedDocumentString(`
    query BadGrantPreview($i: GrantPreviewInput!) {
  grantPreview(input: $i) {
    credits
  }
}
    `) as unknown as TypedDocumentString<BadGrantPreviewQuery, BadGrantPreviewQueryVariables>;
export const BadAccountIdDocument = new TypedDocumentString(`
    query BadAccountId($id: ID!) {
  account(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<BadAccountIdQuery, BadAccountIdQueryVariables>;
export const BadLicenseIdDocument = new TypedDocumentString(`
    query BadLicenseId($id: ID!) {
  license(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<BadLicenseIdQuery, BadLicenseIdQueryVariables>;
export const BadTicketIdDocument = new TypedDocumentString(`
    query BadTicketId($id: ID!) {
  ticket(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<BadTicketIdQuery, BadTicketIdQueryVariables>;
export const BadQuoteLicenseIdDocument = new TypedDocumentString(`
    query BadQuoteLicenseId($l: ID!) {
  quote(licenseId: $l, category: SETUP) {
    balance
  }
}
    `) as unknown as TypedDocumentString<BadQuoteLicenseIdQuery, BadQuoteLicenseIdQueryVariables>;
export const BadTicketsAccountIdDocument = new TypedDocumentString(`
    query BadTicketsAccountId($a: ID) {
  tickets(filter: {accountId: $a}) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<BadTicketsAccountIdQuery, BadTicketsAccountIdQueryVariables>;
export const BadTicketsOpenedByDocument = new TypedDocumentString(`
    query BadTicketsOpenedBy($a: ID) {
  tickets(filter: {openedBy: $a}) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<BadTicketsOpenedByQuery, BadTicketsOpenedByQueryVariables>;
export const BadTicketCountsAccountIdDocument = new TypedDocumentString(`
    query BadTicketCountsAccountId($a: ID) {
  ticketCounts(filter: {accountId: $a}) {
    open
  }
}
    `) as unknown as TypedDocumentString<BadTicketCountsAccountIdQuery, BadTicketCountsAccountIdQueryVariables>;
export const BadTicketCountsOpenedByDocument = new TypedDocumentString(`
    query BadTicketCountsOpenedBy($a: ID) {
  ticketCounts(filter: {openedBy: $a}) {
    open
  }
}
    `) as unknown as TypedDocumentString<BadTicketCountsOpenedByQuery, BadTicketCountsOpenedByQueryVariables>;
export const BadAuditAccountIdDocument = new TypedDocumentString(`
    query BadAuditAccountId($a: ID) {
  auditEvents(filter: {accountId: $a}) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<BadAuditAccountIdQuery, BadAuditAccountIdQueryVariables>;
export const BadAuditKeyIdDocument = new TypedDocumentString(`
    query BadAuditKeyId($a: ID) {
  auditEvents(filter: {keyId: $a}) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<BadAuditKeyIdQuery, BadAuditKeyIdQueryVariables>;
export const BadChargesAccountIdDocument = new TypedDocumentString(`
    query BadChargesAccountId($a: ID) {
  charges(filter: {accountId: $a}) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<BadChargesAccountIdQuery, BadChargesAccountIdQueryVariables>;
export const BadSummaryAccountIdDocument = new TypedDocumentString(`
    query BadSummaryAccountId($a: ID) {
  chargeSummary(filter: {accountId: $a}, groupBy: DAY) {
    key
  }
}
    `) as unknown as TypedDocumentString<BadSummaryAccountIdQuery, BadSummaryAccountIdQueryVariables>;
export const BadRevokeIdDocument = new TypedDocumentString(`
    mutation BadRevokeId($id: ID!) {
  revokeApiKey(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<BadRevokeIdMutation, BadRevokeIdMutationVariables>;
export const BadGroupingDocument = new TypedDocumentString(`
    query BadGrouping($g: ChargeGrouping!) {
  chargeSummary(groupBy: $g) {
    key
  }
}
    `) as unknown as TypedDocumentString<BadGroupingQuery, BadGroupingQueryVariables>;
export const BadTicketStatusDocument = new TypedDocumentString(`
    query BadTicketStatus($id: ID!, $s: TicketStatus) {
  account(id: $id) {
    tickets(status: $s) {
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<BadTicketStatusQuery, BadTicketStatusQueryVariables>;
export const BadaccountsFirstDocument = new TypedDocumentString(`
    query BadaccountsFirst($n: Int) {
  accounts(first: $n) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<BadaccountsFirstQuery, BadaccountsFirstQueryVariables>;
export const BadchargesFirstDocument = new TypedDocumentString(`
    query BadchargesFirst($n: Int) {
  charges(first: $n) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<BadchargesFirstQuery, BadchargesFirstQueryVariables>;
export const BadAccountticketsFirstDocument = new TypedDocumentString(`
    query BadAccountticketsFirst($id: ID!, $n: Int) {
  account(id: $id) {
    tickets(first: $n) {
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<BadAccountticketsFirstQuery, BadAccountticketsFirstQueryVariables>;
export const BadAccountchargesFirstDocument = new TypedDocumentString(`
    query BadAccountchargesFirst($id: ID!, $n: Int) {
  account(id: $id) {
    charges(first: $n) {
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<BadAccountchargesFirstQuery, BadAccountchargesFirstQueryVariables>;
export const BadAccountledgerFirstDocument = new TypedDocumentString(`
    query BadAccountledgerFirst($id: ID!, $n: Int) {
  account(id: $id) {
    ledger(first: $n) {
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<BadAccountledgerFirstQuery, BadAccountledgerFirstQueryVariables>;
export const BadAccountstatementsFirstDocument = new TypedDocumentString(`
    query BadAccountstatementsFirst($id: ID!, $n: Int) {
  account(id: $id) {
    statements(first: $n) {
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<BadAccountstatementsFirstQuery, BadAccountstatementsFirstQueryVariables>;
export const BadaccountsAfterDocument = new TypedDocumentString(`
    query BadaccountsAfter($c: String) {
  accounts(after: $c) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<BadaccountsAfterQuery, BadaccountsAfterQueryVariables>;
export const BadchargesAfterDocument = new TypedDocumentString(`
    query BadchargesAfter($c: String) {
  charges(after: $c) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<BadchargesAfterQuery, BadchargesAfterQueryVariables>;
export const BadAccountticketsAfterDocument = new TypedDocumentString(`
    query BadAccountticketsAfter($id: ID!, $c: String) {
  account(id: $id) {
    tickets(after: $c) {
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<BadAccountticketsAfterQuery, BadAccountticketsAfterQueryVariables>;
export const BadAccountchargesAfterDocument = new TypedDocumentString(`
    query BadAccountchargesAfter($id: ID!, $c: String) {
  account(id: $id) {
    charges(after: $c) {
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<BadAccountchargesAfterQuery, BadAccountchargesAfterQueryVariables>;
export const BadAccountledgerAfterDocument = new TypedDocumentString(`
    query BadAccountledgerAfter($id: ID!, $c: String) {
  account(id: $id) {
    ledger(after: $c) {
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<BadAccountledgerAfterQuery, BadAccountledgerAfterQueryVariables>;
export const BadAccountstatementsAfterDocument = new TypedDocumentString(`
    query BadAccountstatementsAfter($id: ID!, $c: String) {
  account(id: $id) {
    statements(after: $c) {
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<BadAccountstatementsAfterQuery, BadAccountstatementsAfterQueryVariables>;
export const BadSummaryPageDocument = new TypedDocumentString(`
    query BadSummaryPage($g: ChargeGrouping!, $n: Int, $c: String) {
  chargeSummary(groupBy: $g, first: $n, after: $c) {
    key
  }
}
    `) as unknown as TypedDocumentString<BadSummaryPageQuery, BadSummaryPageQueryVariables>;
export const ClockExpireDocument = new TypedDocumentString(`
    mutation ClockExpire {
  expireCredits
}
    `) as unknown as TypedDocumentString<ClockExpireMutation, ClockExpireMutationVariables>;
export const ClockLedgerDocument = new TypedDocumentString(`
    query ClockLedger($id: ID!) {
  account(id: $id) {
    ledger {
      nodes {
        kind
        credits
        at
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ClockLedgerQuery, ClockLedgerQueryVariables>;
export const ConcurrentPurchaseDocument = new TypedDocumentString(`
    mutation ConcurrentPurchase($i: PurchaseCreditsInput!) {
  purchaseCredits(input: $i) {
    id
    originalCredits
    remainingCredits
  }
}
    `) as unknown as TypedDocumentString<ConcurrentPurchaseMutation, ConcurrentPurchaseMutationVariables>;
export const ConcurrentExpireDocument = new TypedDocumentString(`
    mutation ConcurrentExpire {
  expireCredits
}
    `) as unknown as TypedDocumentString<ConcurrentExpireMutation, ConcurrentExpireMutationVariables>;
export const ConcurrentOpenTicketsDocument = new TypedDocumentString(`
    query ConcurrentOpenTickets($id: ID!) {
  account(id: $id) {
    tickets(first: 50, status: OPEN) {
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<ConcurrentOpenTicketsQuery, ConcurrentOpenTicketsQueryVariables>;
export const DataloaderPageDocument = new TypedDocumentString(`
    query DataloaderPage($n: Int!) {
  accounts(first: $n) {
    nodes {
      id
      name
      balance
      licenses {
        id
        creditLot {
          id
        }
      }
      creditLots {
        id
      }
      tickets(first: 5) {
        nodes {
          id
          charge {
            id
            allocations {
              credits
              lot {
                id
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DataloaderPageQuery, DataloaderPageQueryVariables>;
export const ErrorsTicketDocument = new TypedDocumentString(`
    query ErrorsTicket($id: ID!) {
  ticket(id: $id) {
    id
    subject
  }
}
    `) as unknown as TypedDocumentString<ErrorsTicketQuery, ErrorsTicketQueryVariables>;
export const ErrorsSubjectDocument = new TypedDocumentString(`
    query ErrorsSubject($id: ID!) {
  ticket(id: $id) {
    subject
  }
}
    `) as unknown as TypedDocumentString<ErrorsSubjectQuery, ErrorsSubjectQueryVariables>;
export const ErrorsOpenDocument = new TypedDocumentString(`
    mutation ErrorsOpen($i: OpenTicketInput!) {
  openTicket(input: $i) {
    id
    subject
  }
}
    `) as unknown as TypedDocumentString<ErrorsOpenMutation, ErrorsOpenMutationVariables>;
export const ErrorsMixedDocument = new TypedDocumentString(`
    query ErrorsMixed($id: ID!, $l: ID!) {
  pricing {
    grantValidityMonths
  }
  license(id: $l) {
    id
  }
  ticket(id: $id) {
    subject
  }
}
    `) as unknown as TypedDocumentString<ErrorsMixedQuery, ErrorsMixedQueryVariables>;
export const ExportOpenTicketDocument = new TypedDocumentString(`
    mutation ExportOpenTicket($i: OpenTicketInput!) {
  openTicket(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<ExportOpenTicketMutation, ExportOpenTicketMutationVariables>;
export const PropIssueDocument = new TypedDocumentString(`
    mutation PropIssue($i: IssueLicenseInput!) {
  issueLicense(input: $i) {
    id
    creditsGranted
    creditLot {
      id
      expiresAt
      originalCredits
    }
  }
}
    `) as unknown as TypedDocumentString<PropIssueMutation, PropIssueMutationVariables>;
export const PropPurchaseDocument = new TypedDocumentString(`
    mutation PropPurchase($i: PurchaseCreditsInput!) {
  purchaseCredits(input: $i) {
    id
    originalCredits
    expiresAt
    source
  }
}
    `) as unknown as TypedDocumentString<PropPurchaseMutation, PropPurchaseMutationVariables>;
export const PropOpenDocument = new TypedDocumentString(`
    mutation PropOpen($i: OpenTicketInput!) {
  openTicket(input: $i) {
    id
    status
    price {
      min
      max
      included
    }
  }
}
    `) as unknown as TypedDocumentString<PropOpenMutation, PropOpenMutationVariables>;
export const PropExpireDocument = new TypedDocumentString(`
    mutation PropExpire($asOf: DateTimeISO) {
  expireCredits(asOf: $asOf)
}
    `) as unknown as TypedDocumentString<PropExpireMutation, PropExpireMutationVariables>;
export const PropSnapshotDocument = new TypedDocumentString(`
    query PropSnapshot($id: ID!, $future: DateTimeISO) {
  account(id: $id) {
    balance
    future: balance(asOf: $future)
    creditLots(includeExpired: true) {
      id
      source
      originalCredits
      remainingCredits
      expiresAt
      expired
    }
    tickets(first: 50) {
      nodes {
        id
        status
      }
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<PropSnapshotQuery, PropSnapshotQueryVariables>;
export const PropHistoryDocument = new TypedDocumentString(`
    query PropHistory($id: ID!, $t0: DateTimeISO!, $t1: DateTimeISO!, $t2: DateTimeISO!, $t3: DateTimeISO!, $t4: DateTimeISO!, $t5: DateTimeISO!, $t6: DateTimeISO!, $t7: DateTimeISO!, $t8: DateTimeISO!, $t9: DateTimeISO!) {
  account(id: $id) {
    b0: balance(asOf: $t0)
    b1: balance(asOf: $t1)
    b2: balance(asOf: $t2)
    b3: balance(asOf: $t3)
    b4: balance(asOf: $t4)
    b5: balance(asOf: $t5)
    b6: balance(asOf: $t6)
    b7: balance(asOf: $t7)
    b8: balance(asOf: $t8)
    b9: balance(asOf: $t9)
  }
}
    `) as unknown as TypedDocumentString<PropHistoryQuery, PropHistoryQueryVariables>;
export const RulesIssueDocument = new TypedDocumentString(`
    mutation RulesIssue($i: IssueLicenseInput!) {
  issueLicense(input: $i) {
    id
    edition
    hostingPlan
    orderDate
    creditsGranted
    grantNote
    includedLevels
    creditLot {
      ...LotFields
    }
  }
}
    fragment LotFields on CreditLot {
  id
  source
  originalCredits
  remainingCredits
  spentCredits
  refundedCredits
  expiredCredits
  expiresAt
  expired
  createdAt
  paymentReference
  amountPaidCents
  currency
  remainingValueCents
  spentValueCents
  expiredValueCents
  license {
    id
  }
}`) as unknown as TypedDocumentString<RulesIssueMutation, RulesIssueMutationVariables>;
export const RulesPurchaseDocument = new TypedDocumentString(`
    mutation RulesPurchase($i: PurchaseCreditsInput!) {
  purchaseCredits(input: $i) {
    ...LotFields
    alreadyRecorded
  }
}
    fragment LotFields on CreditLot {
  id
  source
  originalCredits
  remainingCredits
  spentCredits
  refundedCredits
  expiredCredits
  expiresAt
  expired
  createdAt
  paymentReference
  amountPaidCents
  currency
  remainingValueCents
  spentValueCents
  expiredValueCents
  license {
    id
  }
}`) as unknown as TypedDocumentString<RulesPurchaseMutation, RulesPurchaseMutationVariables>;
export const RulesOpenDocument = new TypedDocumentString(`
    mutation RulesOpen($i: OpenTicketInput!) {
  openTicket(input: $i) {
    id
    category
    level
    status
    price {
      min
      max
      included
    }
    license {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<RulesOpenMutation, RulesOpenMutationVariables>;
export const RulesChargeDocument = new TypedDocumentString(`
    mutation RulesCharge($i: ChargeTicketInput!) {
  chargeTicket(input: $i) {
    id
    credits
    included
    balanceAfter
    refunded
    createdAt
    ticket {
      id
      status
    }
    allocations {
      credits
      lot {
        id
        source
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RulesChargeMutation, RulesChargeMutationVariables>;
export const RulesRefundDocument = new TypedDocumentString(`
    mutation RulesRefund($i: RefundTicketInput!) {
  refundTicket(input: $i) {
    id
    credits
    reason
    balanceAfter
    createdAt
    allocations {
      credits
      lot {
        id
        source
        expiresAt
      }
    }
    charge {
      id
      credits
      included
      refunded
      allocations {
        credits
        lot {
          id
        }
      }
    }
    ticket {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<RulesRefundMutation, RulesRefundMutationVariables>;
export const RulesTicketDocument = new TypedDocumentString(`
    query RulesTicket($id: ID!) {
  ticket(id: $id) {
    id
    status
    price {
      min
      max
      included
    }
    charge {
      id
      credits
    }
    refund {
      id
      credits
    }
  }
}
    `) as unknown as TypedDocumentString<RulesTicketQuery, RulesTicketQueryVariables>;
export const RulesStateDocument = new TypedDocumentString(`
    query RulesState($id: ID!) {
  account(id: $id) {
    balance
    ledger(first: 0) {
      totalCount
    }
    charges(first: 0) {
      totalCount
    }
    statements(first: 0) {
      totalCount
    }
    creditLots(includeExpired: true) {
      id
      remainingCredits
      spentCredits
      refundedCredits
      expiredCredits
    }
  }
}
    `) as unknown as TypedDocumentString<RulesStateQuery, RulesStateQueryVariables>;
export const RulesLotsDocument = new TypedDocumentString(`
    query RulesLots($id: ID!, $all: Boolean) {
  account(id: $id) {
    creditLots(includeExpired: $all) {
      ...LotFields
    }
  }
}
    fragment LotFields on CreditLot {
  id
  source
  originalCredits
  remainingCredits
  spentCredits
  refundedCredits
  expiredCredits
  expiresAt
  expired
  createdAt
  paymentReference
  amountPaidCents
  currency
  remainingValueCents
  spentValueCents
  expiredValueCents
  license {
    id
  }
}`) as unknown as TypedDocumentString<RulesLotsQuery, RulesLotsQueryVariables>;
export const RulesLedgerDocument = new TypedDocumentString(`
    query RulesLedger($id: ID!) {
  account(id: $id) {
    ledger(first: 100) {
      totalCount
      nodes {
        id
        kind
        credits
        at
        lot {
          id
        }
        ticket {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RulesLedgerQuery, RulesLedgerQueryVariables>;
export const RulesBalanceDocument = new TypedDocumentString(`
    query RulesBalance($id: ID!, $asOf: DateTimeISO) {
  account(id: $id) {
    balance(asOf: $asOf)
  }
}
    `) as unknown as TypedDocumentString<RulesBalanceQuery, RulesBalanceQueryVariables>;
export const RulesExpireDocument = new TypedDocumentString(`
    mutation RulesExpire($asOf: DateTimeISO) {
  expireCredits(asOf: $asOf)
}
    `) as unknown as TypedDocumentString<RulesExpireMutation, RulesExpireMutationVariables>;
export const RulesChargeCountDocument = new TypedDocumentString(`
    query RulesChargeCount($id: ID!) {
  account(id: $id) {
    charges {
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<RulesChargeCountQuery, RulesChargeCountQueryVariables>;
export const RulesGrantDecisionsDocument = new TypedDocumentString(`
    query RulesGrantDecisions($id: ID!, $l: ID!) {
  license(id: $l) {
    id
    creditsGranted
    grantNote
    creditLot {
      id
    }
  }
  account(id: $id) {
    licenses {
      id
      creditsGranted
      grantNote
      creditLot {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RulesGrantDecisionsQuery, RulesGrantDecisionsQueryVariables>;
export const RulesQuoteDocument = new TypedDocumentString(`
    query RulesQuote($l: ID!, $c: TicketCategory!) {
  quote(licenseId: $l, category: $c) {
    category
    level
    price {
      min
      max
      included
    }
  }
}
    `) as unknown as TypedDocumentString<RulesQuoteQuery, RulesQuoteQueryVariables>;
export const RulesIncludedChargesDocument = new TypedDocumentString(`
    query RulesIncludedCharges($id: ID!) {
  account(id: $id) {
    charges {
      totalCount
      nodes {
        id
        credits
        included
      }
    }
  }
  charges(filter: {accountId: $id, included: true}) {
    totalCount
    nodes {
      id
      credits
      included
    }
  }
}
    `) as unknown as TypedDocumentString<RulesIncludedChargesQuery, RulesIncludedChargesQueryVariables>;
export const RulesOpenTicketsDocument = new TypedDocumentString(`
    query RulesOpenTickets($id: ID!) {
  account(id: $id) {
    tickets(status: OPEN) {
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<RulesOpenTicketsQuery, RulesOpenTicketsQueryVariables>;
export const RulesStatementsDocument = new TypedDocumentString(`
    query RulesStatements($id: ID!) {
  account(id: $id) {
    statements {
      totalCount
      nodes {
        kind
        credits
        balanceAfter
        message
        ticket {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RulesStatementsQuery, RulesStatementsQueryVariables>;
export const PortalTestPageDocument = new TypedDocumentString(`
    query PortalTestPage($id: ID!) {
  me {
    role
    accountIds
    permissions
  }
  account(id: $id) {
    id
    balance
    creditLots {
      id
      remainingCredits
      expiresAt
    }
    receipts {
      nodes {
        kind
        credits
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PortalTestPageQuery, PortalTestPageQueryVariables>;
export const PortalTestCreateDocument = new TypedDocumentString(`
    mutation PortalTestCreate($a: ID!) {
  createPortalLink(accountId: $a) {
    url
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<PortalTestCreateMutation, PortalTestCreateMutationVariables>;
export const PortalTestRevokeDocument = new TypedDocumentString(`
    mutation PortalTestRevoke($a: ID!) {
  revokePortalLinks(accountId: $a)
}
    `) as unknown as TypedDocumentString<PortalTestRevokeMutation, PortalTestRevokeMutationVariables>;
export const PortalTestEmailDocument = new TypedDocumentString(`
    query PortalTestEmail($id: ID!) {
  account(id: $id) {
    email
    balance
  }
}
    `) as unknown as TypedDocumentString<PortalTestEmailQuery, PortalTestEmailQueryVariables>;
export const EdgesTwoPurchasesDocument = new TypedDocumentString(`
    mutation EdgesTwoPurchases($a: ID!) {
  p1: purchaseCredits(
    input: {accountId: $a, credits: 100, paymentReference: "fresh-1"}
  ) {
    account {
      balance
    }
  }
  p2: purchaseCredits(
    input: {accountId: $a, credits: 50, paymentReference: "fresh-2"}
  ) {
    account {
      balance
    }
  }
}
    `) as unknown as TypedDocumentString<EdgesTwoPurchasesMutation, EdgesTwoPurchasesMutationVariables>;
export const EdgesSearchDocument = new TypedDocumentString(`
    query EdgesSearch($s: String) {
  accounts(search: $s) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<EdgesSearchQuery, EdgesSearchQueryVariables>;
export const EdgesMeDocument = new TypedDocumentString(`
    query EdgesMe {
  me {
    role
  }
}
    `) as unknown as TypedDocumentString<EdgesMeQuery, EdgesMeQueryVariables>;
export const EdgesMeBothDocument = new TypedDocumentString(`
    query EdgesMeBoth {
  me {
    role
  }
}
    `) as unknown as TypedDocumentString<EdgesMeBothQuery, EdgesMeBothQueryVariables>;
export const EdgesFirstPageDocument = new TypedDocumentString(`
    query EdgesFirstPage {
  accounts(first: 1) {
    pageInfo {
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<EdgesFirstPageQuery, EdgesFirstPageQueryVariables>;
export const EdgesEmptyPageDocument = new TypedDocumentString(`
    query EdgesEmptyPage($c: String) {
  accounts(first: 0, after: $c) {
    nodes {
      id
    }
    pageInfo {
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<EdgesEmptyPageQuery, EdgesEmptyPageQueryVariables>;
export const EdgesReadDocument = new TypedDocumentString(`
    query EdgesRead {
  accounts(first: 1) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<EdgesReadQuery, EdgesReadQueryVariables>;
export const DeskQueueDocument = new TypedDocumentString(`
    query DeskQueue($f: TicketFilter, $first: Int, $after: String) {
  tickets(filter: $f, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      status
      category
      level
      openedByKeyId
      openedByName
      account {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DeskQueueQuery, DeskQueueQueryVariables>;
export const DeskCountsDocument = new TypedDocumentString(`
    query DeskCounts($f: TicketFilter) {
  ticketCounts(filter: $f) {
    open
    charged
    refunded
    total
  }
}
    `) as unknown as TypedDocumentString<DeskCountsQuery, DeskCountsQueryVariables>;
export const DeskTrailDocument = new TypedDocumentString(`
    query DeskTrail($f: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $f, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      at
      action
      accountId
      targetId
      keyId
      keyName
      role
      requestId
      details
    }
  }
}
    `) as unknown as TypedDocumentString<DeskTrailQuery, DeskTrailQueryVariables>;
export const ServedRootFieldsDocument = new TypedDocumentString(`
    query ServedRootFields {
  __schema {
    queryType {
      fields {
        name
      }
    }
    mutationType {
      fields {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ServedRootFieldsQuery, ServedRootFieldsQueryVariables>;
export const AccountFiguresDocument = new TypedDocumentString(`
    query AccountFigures($id: ID!) {
  account(id: $id) {
    balance
    ledger(first: 1) {
      totalCount
    }
    licenses {
      id
    }
    tickets(first: 1) {
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<AccountFiguresQuery, AccountFiguresQueryVariables>;
export const FixtureCreateAccountDocument = new TypedDocumentString(`
    mutation FixtureCreateAccount($i: CreateAccountInput!) {
  createAccount(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<FixtureCreateAccountMutation, FixtureCreateAccountMutationVariables>;
export const FixtureIssueLicenseDocument = new TypedDocumentString(`
    mutation FixtureIssueLicense($i: IssueLicenseInput!) {
  issueLicense(input: $i) {
    id
    creditsGranted
    grantNote
    creditLot {
      id
      expiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<FixtureIssueLicenseMutation, FixtureIssueLicenseMutationVariables>;
export const FixturePurchaseDocument = new TypedDocumentString(`
    mutation FixturePurchase($i: PurchaseCreditsInput!) {
  purchaseCredits(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<FixturePurchaseMutation, FixturePurchaseMutationVariables>;
export const FixtureOpenTicketDocument = new TypedDocumentString(`
    mutation FixtureOpenTicket($i: OpenTicketInput!) {
  openTicket(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<FixtureOpenTicketMutation, FixtureOpenTicketMutationVariables>;
export const FixtureChargeDocument = new TypedDocumentString(`
    mutation FixtureCharge($i: ChargeTicketInput!) {
  chargeTicket(input: $i) {
    id
    credits
    included
    balanceAfter
    refunded
    allocations {
      credits
      lot {
        id
        source
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FixtureChargeMutation, FixtureChargeMutationVariables>;
export const FixtureRefundDocument = new TypedDocumentString(`
    mutation FixtureRefund($i: RefundTicketInput!) {
  refundTicket(input: $i) {
    id
    credits
    balanceAfter
    allocations {
      credits
      lot {
        id
        source
        expiresAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FixtureRefundMutation, FixtureRefundMutationVariables>;
export const FixtureBalanceDocument = new TypedDocumentString(`
    query FixtureBalance($id: ID!, $asOf: DateTimeISO) {
  account(id: $id) {
    balance(asOf: $asOf)
  }
}
    `) as unknown as TypedDocumentString<FixtureBalanceQuery, FixtureBalanceQueryVariables>;
export const FixtureCreateKeyDocument = new TypedDocumentString(`
    mutation FixtureCreateKey($i: CreateApiKeyInput!) {
  createApiKey(input: $i) {
    apiKey {
      id
    }
    secret
  }
}
    `) as unknown as TypedDocumentString<FixtureCreateKeyMutation, FixtureCreateKeyMutationVariables>;