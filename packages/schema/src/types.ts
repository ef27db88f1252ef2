export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
};

export type Account = {
  __typename?: 'Account';
  /** Credits spendable now, or at `asOf` when given (P20). */
  balance: Scalars['Int']['output'];
  charges: ChargeConnection;
  createdAt: Scalars['DateTimeISO']['output'];
  creditLots: Array<CreditLot>;
  email: Scalars['String']['output'];
  /** Credits in live lots that expire within the next `withinDays` days. */
  expiringCredits: Scalars['Int']['output'];
  /** The expiring-soon notices sent to the account, newest first. */
  expiryNotices: Array<ExpiryNotice>;
  id: Scalars['ID']['output'];
  /** Newest first. */
  ledger: LedgerEntryConnection;
  licenses: Array<License>;
  /** The account's low-balance alert level. */
  lowBalance: LowBalance;
  /** The low-balance notices sent to the account, newest first. */
  lowBalanceNotices: Array<LowBalanceNotice>;
  name: Scalars['String']['output'];
  /** Receipts sent (or queued) to the customer, newest first: purchases and grants. */
  receipts: ReceiptConnection;
  /** Statements sent (or queued) to the customer, newest first (P18). */
  statements: StatementConnection;
  tickets: TicketConnection;
};


export type AccountBalanceArgs = {
  asOf?: InputMaybe<Scalars['DateTimeISO']['input']>;
};


export type AccountChargesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type AccountCreditLotsArgs = {
  includeExpired?: InputMaybe<Scalars['Boolean']['input']>;
};


export type AccountExpiringCreditsArgs = {
  withinDays?: InputMaybe<Scalars['Int']['input']>;
};


export type AccountLedgerArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type AccountReceiptsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type AccountStatementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type AccountTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<TicketStatus>;
};

export type AccountConnection = {
  __typename?: 'AccountConnection';
  nodes: Array<Account>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type Allocation = {
  __typename?: 'Allocation';
  credits: Scalars['Int']['output'];
  lot: CreditLot;
};

export type ApiKey = {
  __typename?: 'ApiKey';
  /** PARTNER keys: the accounts the key may see and act on. */
  accountIds: Array<Scalars['ID']['output']>;
  /** PARTNER keys: the accounts in scope, by name, for lists and pickers. */
  accounts: Array<Account>;
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  /** When a request last used the key; recorded at most once a minute. */
  lastUsedAt: Maybe<Scalars['DateTimeISO']['output']>;
  name: Scalars['String']['output'];
  /** The start of the secret, to recognise the key. */
  prefix: Scalars['String']['output'];
  revokedAt: Maybe<Scalars['DateTimeISO']['output']>;
  role: Role;
};

export type ApiKeyCreated = {
  __typename?: 'ApiKeyCreated';
  apiKey: ApiKey;
  /** Shown once; only a hash is stored. */
  secret: Scalars['String']['output'];
};

/** Who did what: one row per mutation, written in its transaction. Append-only. */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  /** The account it concerns, where one does. */
  account: Maybe<Account>;
  /** The account it concerns, where one does. */
  accountId: Maybe<Scalars['ID']['output']>;
  /** The mutation, e.g. openTicket, chargeTicket. */
  action: Scalars['String']['output'];
  at: Scalars['DateTimeISO']['output'];
  /** What the action recorded, as a JSON object. */
  details: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Null for the bootstrap admin key. */
  keyId: Maybe<Scalars['ID']['output']>;
  /** The acting key's name as it was then. */
  keyName: Scalars['String']['output'];
  /** The request id, as in the logs and error answers. */
  requestId: Scalars['String']['output'];
  role: Role;
  /** The id of what it acted on. */
  targetId: Maybe<Scalars['String']['output']>;
};

export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  nodes: Array<AuditEvent>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AuditEventFilter = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Any of these actions. */
  actions?: InputMaybe<Array<Scalars['String']['input']>>;
  /** At or after this instant. */
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** The id of the acting API key. */
  keyId?: InputMaybe<Scalars['ID']['input']>;
  /** A target id (a ticket, an account, ...). */
  targetId?: InputMaybe<Scalars['String']['input']>;
  /** Strictly before this instant. */
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

/** Credits that lapsed unused in one UTC month, in lots of one currency, and their value. */
export type BreakageBucket = {
  __typename?: 'BreakageBucket';
  credits: Scalars['Int']['output'];
  /** ISO 4217; null for grants and refund lots. */
  currency: Maybe<Scalars['String']['output']>;
  lots: Scalars['Int']['output'];
  /** The first instant of the month (UTC). */
  month: Scalars['DateTimeISO']['output'];
  /** Value in the currency's minor units (cents); null for lots recorded without money. */
  valueCents: Maybe<Scalars['Int']['output']>;
};

export type CategoryPricing = {
  __typename?: 'CategoryPricing';
  category: TicketCategory;
  description: Scalars['String']['output'];
  level: SupportLevel;
  prices: Array<PlanPrice>;
  title: Scalars['String']['output'];
};

export type Charge = {
  __typename?: 'Charge';
  account: Account;
  allocations: Array<Allocation>;
  /** Account balance right after this charge (P18). */
  balanceAfter: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  credits: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  included: Scalars['Boolean']['output'];
  refund: Maybe<Refund>;
  refunded: Scalars['Boolean']['output'];
  ticket: Ticket;
};

export type ChargeBucket = {
  __typename?: 'ChargeBucket';
  charges: Scalars['Int']['output'];
  credits: Scalars['Int']['output'];
  includedCharges: Scalars['Int']['output'];
  /** The group's value: YYYY-MM-DD (DAY), YYYY-MM (MONTH), the enum value's name (CATEGORY, EDITION), or the account id (ACCOUNT). */
  key: Scalars['String']['output'];
  refundedCredits: Scalars['Int']['output'];
};

export type ChargeConnection = {
  __typename?: 'ChargeConnection';
  nodes: Array<Charge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ChargeFilter = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  categories?: InputMaybe<Array<TicketCategory>>;
  editions?: InputMaybe<Array<Edition>>;
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  included?: InputMaybe<Scalars['Boolean']['input']>;
  refunded?: InputMaybe<Scalars['Boolean']['input']>;
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

export type ChargeGrouping =
  | 'ACCOUNT'
  | 'CATEGORY'
  | 'DAY'
  | 'EDITION'
  | 'MONTH';

export type ChargeTicketInput = {
  credits: Scalars['Int']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  ticketId: Scalars['ID']['input'];
};

export type CreateAccountInput = {
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

export type CreateApiKeyInput = {
  accountIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  name: Scalars['String']['input'];
  role: Role;
};

export type CreateWebhookEndpointInput = {
  accountIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  description?: InputMaybe<Scalars['String']['input']>;
  eventTypes: Array<Scalars['String']['input']>;
  url: Scalars['String']['input'];
};

export type CreateWebhookEndpointPayload = {
  __typename?: 'CreateWebhookEndpointPayload';
  endpoint: WebhookEndpoint;
  /** The signing secret (whsec_...): shown this once only. */
  secret: Scalars['String']['output'];
};

/** Prepaid credits still owed at an instant (live lots only), from the ledger. */
export type CreditLiability = {
  __typename?: 'CreditLiability';
  asOf: Scalars['DateTimeISO']['output'];
  /** All credits outstanding, every line together. */
  credits: Scalars['Int']['output'];
  lines: Array<LiabilityLine>;
};

export type CreditLot = {
  __typename?: 'CreditLot';
  account: Account;
  /** On purchaseCredits' answer: true when this payment reference was already recorded, so nothing was added (P7). False everywhere else. */
  alreadyRecorded: Scalars['Boolean']['output'];
  /** What the lot cost, in the currency's minor units (cents): the purchase's payment; 0 for a license grant or a refund lot; null when recorded without one. */
  amountPaidCents: Maybe<Scalars['Int']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** ISO 4217 code of amountPaidCents; null for grants and purchases without money. */
  currency: Maybe<Scalars['String']['output']>;
  expired: Scalars['Boolean']['output'];
  /** Credits lost when the lot expired (P19); 0 until the expiry is recorded. */
  expiredCredits: Scalars['Int']['output'];
  /** Value of expiredCredits (breakage), in cents. */
  expiredValueCents: Maybe<Scalars['Int']['output']>;
  /** Null: never expires. */
  expiresAt: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['ID']['output'];
  license: Maybe<License>;
  originalCredits: Scalars['Int']['output'];
  paymentReference: Maybe<Scalars['String']['output']>;
  /** Credits refunded back into this lot (P16). */
  refundedCredits: Scalars['Int']['output'];
  remainingCredits: Scalars['Int']['output'];
  /** Value of remainingCredits, in cents; with spent and expired, adds up to amountPaidCents. */
  remainingValueCents: Maybe<Scalars['Int']['output']>;
  source: LotSource;
  /** Credits charged out of this lot, refunds not deducted. */
  spentCredits: Scalars['Int']['output'];
  /** Value of the credits charged out of this lot and not refunded back into it, in cents. */
  spentValueCents: Maybe<Scalars['Int']['output']>;
};

export type DiscountRule = {
  __typename?: 'DiscountRule';
  /** Editions that grant no credits when bought at more than maxDiscountPercent off. */
  editions: Array<Edition>;
  maxDiscountPercent: Scalars['Int']['output'];
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

/** An expiring-soon notice the account was sent (e-mail and credits.expiring_soon). */
export type ExpiryNotice = {
  __typename?: 'ExpiryNotice';
  /** When the notice was sent. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Credits left in the lot when it was sent. */
  credits: Scalars['Int']['output'];
  expiresAt: Scalars['DateTimeISO']['output'];
  lotId: Scalars['ID']['output'];
  /** When the e-mail left; null until then. */
  mailedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** The threshold it was sent at: days before the expiry. */
  thresholdDays: Scalars['Int']['output'];
};

/** One scheduled expiry run (P19). */
export type ExpiryRun = {
  __typename?: 'ExpiryRun';
  /** Credits those lots still held. */
  credits: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** Lots whose expiry it recorded. */
  lots: Scalars['Int']['output'];
  /** The instant the run expired lots as of. */
  ranAt: Scalars['DateTimeISO']['output'];
};

export type ExpirySchedule = {
  __typename?: 'ExpirySchedule';
  lastRun: Maybe<ExpiryRun>;
  nextRunAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** The cron pattern (UTC), EXPIRY_SCHEDULE. */
  schedule: Scalars['String']['output'];
};

/** What issuing a license with these terms would grant (P1-P5), without issuing it. */
export type GrantPreview = {
  __typename?: 'GrantPreview';
  credits: Scalars['Int']['output'];
  includedLevels: Array<SupportLevel>;
  note: Scalars['String']['output'];
};

export type GrantPreviewInput = {
  edition: Edition;
  hostingPlan?: InputMaybe<HostingPlan>;
  listPriceCents: Scalars['Int']['input'];
  paidPriceCents: Scalars['Int']['input'];
};

export type GrantRule = {
  __typename?: 'GrantRule';
  credits: Scalars['Int']['output'];
  edition: Edition;
  hostingPlan: Maybe<HostingPlan>;
  includedLevels: Array<SupportLevel>;
};

export type HostingPlan =
  | 'BASIC'
  | 'PROFESSIONAL'
  | 'STANDARD';

export type IssueLicenseInput = {
  accountId: Scalars['ID']['input'];
  domain: Scalars['String']['input'];
  edition: Edition;
  /** Required for SAAS, refused for the other editions. */
  hostingPlan?: InputMaybe<HostingPlan>;
  listPriceCents: Scalars['Int']['input'];
  orderDate: Scalars['DateTimeISO']['input'];
  paidPriceCents: Scalars['Int']['input'];
};

export type LedgerEntry = {
  __typename?: 'LedgerEntry';
  at: Scalars['DateTimeISO']['output'];
  /** Signed: positive adds credits to the lot, negative takes them away. */
  credits: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  kind: LedgerEntryKind;
  lot: CreditLot;
  ticket: Maybe<Ticket>;
};

export type LedgerEntryConnection = {
  __typename?: 'LedgerEntryConnection';
  nodes: Array<LedgerEntry>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type LedgerEntryKind =
  | 'CHARGE'
  | 'EXPIRY'
  | 'GRANT'
  | 'PURCHASE'
  | 'REFUND';

/** Credits outstanding in live lots of one source and currency, and their value. */
export type LiabilityLine = {
  __typename?: 'LiabilityLine';
  credits: Scalars['Int']['output'];
  /** ISO 4217; null for grants, refund lots and purchases recorded without money. */
  currency: Maybe<Scalars['String']['output']>;
  lots: Scalars['Int']['output'];
  /** LICENSE_GRANT (granted), PURCHASE (purchased) or REFUND (refunded back after expiry). */
  source: LotSource;
  /** Value of the credits in the currency's minor units (cents); 0 for grants and refund lots; null for purchases recorded without money. */
  valueCents: Maybe<Scalars['Int']['output']>;
};

export type License = {
  __typename?: 'License';
  account: Account;
  creditLot: Maybe<CreditLot>;
  creditsGranted: Scalars['Int']['output'];
  domain: Scalars['String']['output'];
  edition: Edition;
  /** Why this many credits were granted, in words (P5). */
  grantNote: Scalars['String']['output'];
  hostingPlan: Maybe<HostingPlan>;
  id: Scalars['ID']['output'];
  /** Levels this license gets with no charge. */
  includedLevels: Array<SupportLevel>;
  listPriceCents: Scalars['Int']['output'];
  orderDate: Scalars['DateTimeISO']['output'];
  paidPriceCents: Scalars['Int']['output'];
};

export type LotSource =
  | 'LICENSE_GRANT'
  | 'PURCHASE'
  | 'REFUND';

export type LowBalance = {
  __typename?: 'LowBalance';
  /** The balance now, as Account.balance. */
  balance: Scalars['Int']['output'];
  /** The notice state: set when a charge crossed the threshold (and a notice went out), cleared when credits came back. It moves only with the ledger, not when the threshold changes; for "is the balance below it now" read isBelow. */
  below: Scalars['Boolean']['output'];
  /** True when the balance now is below the threshold in force, computed at read time (a threshold raised above the balance shows at once). */
  isBelow: Scalars['Boolean']['output'];
  /** True when the account uses the default (LOW_BALANCE_THRESHOLD). */
  isDefault: Scalars['Boolean']['output'];
  /** The threshold in force: the account's own, else the default. */
  threshold: Scalars['Int']['output'];
};

/** A low-balance notice (e-mail and balance.low), sent when a charge crossed the threshold. */
export type LowBalanceNotice = {
  __typename?: 'LowBalanceNotice';
  balance: Scalars['Int']['output'];
  /** The charge that took the balance below the threshold. */
  chargeId: Scalars['ID']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  mailedAt: Maybe<Scalars['DateTimeISO']['output']>;
  threshold: Scalars['Int']['output'];
};

/** How statement e-mails are going out (the Operations page). */
export type MailDelivery = {
  __typename?: 'MailDelivery';
  /** The SMTP server's answer when retries are due to the gateway's own settings (bad credentials, TLS): fix SMTP_URL. */
  configurationFault: Maybe<Scalars['String']['output']>;
  /** When the oldest statement now held up by that fault was written. */
  faultSince: Maybe<Scalars['DateTimeISO']['output']>;
  /** Statements waiting for a retry. */
  retryingStatements: Scalars['Int']['output'];
};

/** An e-mail in the local mailbox (development: no SMTP_URL). */
export type MailboxMessage = {
  __typename?: 'MailboxMessage';
  date: Scalars['DateTimeISO']['output'];
  html: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  subject: Scalars['String']['output'];
  text: Scalars['String']['output'];
  to: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Specialist sets the cost (P10-P14). */
  chargeTicket: Charge;
  createAccount: Account;
  createApiKey: ApiKeyCreated;
  /** A new customer portal link for the account (staff; partners for their own accounts). Earlier links keep working. */
  createPortalLink: PortalLink;
  /** A partner's endpoint covers its key's accounts; an admin's all accounts unless accountIds narrows it. */
  createWebhookEndpoint: CreateWebhookEndpointPayload;
  /** Deletes the endpoint and its delivery log. */
  deleteWebhookEndpoint: Scalars['ID']['output'];
  disableWebhookEndpoint: WebhookEndpoint;
  /** Records expiry of every lot expired at `asOf` (default now) not yet recorded; returns how many lots (P19). */
  expireCredits: Scalars['Int']['output'];
  /** Grants the license's credits per P1-P5 in the same transaction. */
  issueLicense: License;
  openTicket: Ticket;
  /** Idempotent on paymentReference (P7). */
  purchaseCredits: CreditLot;
  /** Vendor bug: 100% back (P15-P17). */
  refundTicket: Refund;
  /** Sends the event to the endpoint again. */
  replayWebhookDelivery: WebhookDelivery;
  /** Sends the statement e-mail again (staff), also after it was sent or failed. */
  resendStatement: Statement;
  revokeApiKey: ApiKey;
  /** Stops every portal link of the account that still works, those in e-mails too; returns how many. */
  revokePortalLinks: Scalars['Int']['output'];
  /** A new signing secret; the old one still signs beside it for the overlap (WEBHOOK_SECRET_OVERLAP_HOURS, default 24 h), then stops. */
  rotateWebhookSecret: RotateWebhookSecretPayload;
  /** Sends a webhook.test event to this endpoint only (it must be enabled), signed and retried like any other; returns its delivery. */
  sendTestWebhook: WebhookDelivery;
  /** Sets the account's low-balance threshold in credits (null: the default); partners for their own accounts. */
  setLowBalanceThreshold: Account;
  /** Replaces a PARTNER key's accounts; takes effect on the key's next request. */
  updateApiKeyScope: ApiKey;
  updateWebhookEndpoint: WebhookEndpoint;
};


export type MutationChargeTicketArgs = {
  input: ChargeTicketInput;
};


export type MutationCreateAccountArgs = {
  input: CreateAccountInput;
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationCreatePortalLinkArgs = {
  accountId: Scalars['ID']['input'];
};


export type MutationCreateWebhookEndpointArgs = {
  input: CreateWebhookEndpointInput;
};


export type MutationDeleteWebhookEndpointArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDisableWebhookEndpointArgs = {
  id: Scalars['ID']['input'];
};


export type MutationExpireCreditsArgs = {
  asOf?: InputMaybe<Scalars['DateTimeISO']['input']>;
};


export type MutationIssueLicenseArgs = {
  input: IssueLicenseInput;
};


export type MutationOpenTicketArgs = {
  input: OpenTicketInput;
};


export type MutationPurchaseCreditsArgs = {
  input: PurchaseCreditsInput;
};


export type MutationRefundTicketArgs = {
  input: RefundTicketInput;
};


export type MutationReplayWebhookDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationResendStatementArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokePortalLinksArgs = {
  accountId: Scalars['ID']['input'];
};


export type MutationRotateWebhookSecretArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSendTestWebhookArgs = {
  endpointId: Scalars['ID']['input'];
};


export type MutationSetLowBalanceThresholdArgs = {
  accountId: Scalars['ID']['input'];
  threshold?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationUpdateApiKeyScopeArgs = {
  input: UpdateApiKeyScopeInput;
};


export type MutationUpdateWebhookEndpointArgs = {
  input: UpdateWebhookEndpointInput;
};

export type OpenTicketInput = {
  category: TicketCategory;
  licenseId: Scalars['ID']['input'];
  subject: Scalars['String']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
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

export type PlanPrice = {
  __typename?: 'PlanPrice';
  edition: Edition;
  hostingPlan: Maybe<HostingPlan>;
  price: PriceRange;
};

/** A link to the customer's read-only page of one account. The URL holds the token: it is shown once, only its hash is stored. */
export type PortalLink = {
  __typename?: 'PortalLink';
  /** The link stops working then (PORTAL_LINK_DAYS after it was made). */
  expiresAt: Scalars['DateTimeISO']['output'];
  /** PUBLIC_URL/portal/<token>. */
  url: Scalars['String']['output'];
};

export type PriceRange = {
  __typename?: 'PriceRange';
  /** True where the license gets this category with no charge (min = max = 0). */
  included: Scalars['Boolean']['output'];
  max: Scalars['Int']['output'];
  min: Scalars['Int']['output'];
};

/** The vendor's policy tables as the gateway applies them (P1, P2, P3, P8). */
export type Pricing = {
  __typename?: 'Pricing';
  categories: Array<CategoryPricing>;
  discountRule: DiscountRule;
  grantValidityMonths: Scalars['Int']['output'];
  grants: Array<GrantRule>;
};

export type PurchaseCreditsInput = {
  accountId: Scalars['ID']['input'];
  /** What was paid, in the currency's minor units (cents). With currency, or neither. */
  amountPaidCents?: InputMaybe<Scalars['Int']['input']>;
  credits: Scalars['Int']['input'];
  /** ISO 4217 code, e.g. EUR. With amountPaidCents, or neither. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Unique per recording key's namespace: each partner key its own, staff keys the vendor's (P7). */
  paymentReference: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  account: Maybe<Account>;
  accounts: AccountConnection;
  apiKeys: Array<ApiKey>;
  /** The audit trail, newest first; a partner sees its own accounts' events. */
  auditEvents: AuditEventConnection;
  chargeSummary: Array<ChargeBucket>;
  charges: ChargeConnection;
  /** Credits that lapsed unused, by UTC month of their expiry (from <= expiry < to), and their value by currency (ADMIN, ANALYST). */
  creditBreakage: Array<BreakageBucket>;
  /** Credits outstanding at `asOf` (now when omitted) in live lots and their value, by source and currency, from the ledger (ADMIN, ANALYST). */
  creditLiability: CreditLiability;
  /** Every code an error's `extensions.code` may carry; the README and docs/partners.md say what each means and whether to retry. */
  errorCodes: Array<ErrorCode>;
  /** The scheduled expiry: its last run and the next (staff). */
  expirySchedule: ExpirySchedule;
  /** What a license with these terms would grant, and why (P1-P5). */
  grantPreview: GrantPreview;
  license: Maybe<License>;
  /** Statement e-mails waiting for a retry, and a configuration fault holding them (staff). */
  mailDelivery: MailDelivery;
  /** The local mailbox (no SMTP_URL, e.g. an embedded start): the newest e-mails the gateway "sent". Empty when SMTP_URL is set. */
  mailbox: Array<MailboxMessage>;
  /** Who the API key in this request belongs to. */
  me: Viewer;
  pricing: Pricing;
  quote: Quote;
  /** The reconciliation reports, newest first (staff). */
  reconciliationReports: Array<ReconciliationReport>;
  ticket: Maybe<Ticket>;
  /** The queue's count per status, under the rest of the filter (its status is ignored). */
  ticketCounts: TicketCounts;
  /** The support queue: tickets across accounts, newest first (a partner's own accounts'). */
  tickets: TicketConnection;
  /** Partners: their own endpoints; staff: all. */
  webhookEndpoints: Array<WebhookEndpoint>;
  /** The event types an endpoint can subscribe to. */
  webhookEventTypes: Array<Scalars['String']['output']>;
};


export type QueryAccountArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAccountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditEventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryChargeSummaryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ChargeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  groupBy: ChargeGrouping;
};


export type QueryChargesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ChargeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCreditBreakageArgs = {
  from: Scalars['DateTimeISO']['input'];
  to: Scalars['DateTimeISO']['input'];
};


export type QueryCreditLiabilityArgs = {
  asOf?: InputMaybe<Scalars['DateTimeISO']['input']>;
};


export type QueryGrantPreviewArgs = {
  input: GrantPreviewInput;
};


export type QueryLicenseArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMailboxArgs = {
  first?: Scalars['Int']['input'];
};


export type QueryQuoteArgs = {
  category: TicketCategory;
  licenseId: Scalars['ID']['input'];
};


export type QueryReconciliationReportsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTicketArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTicketCountsArgs = {
  filter?: InputMaybe<TicketFilter>;
};


export type QueryTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TicketFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Quote = {
  __typename?: 'Quote';
  balance: Scalars['Int']['output'];
  category: TicketCategory;
  level: SupportLevel;
  license: License;
  price: PriceRange;
  /** True where the balance covers the top of the range. */
  sufficient: Scalars['Boolean']['output'];
};

/** The message a customer gets when credits arrive: a purchase or a license grant. */
export type Receipt = {
  __typename?: 'Receipt';
  /** What was paid, in minor units. */
  amountPaidCents: Maybe<Scalars['Int']['output']>;
  /** The balance right after. */
  balanceAfter: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** Credits added (0 for a grant that gives none, P5). */
  credits: Scalars['Int']['output'];
  /** ISO 4217 code of amountPaidCents. */
  currency: Maybe<Scalars['String']['output']>;
  /** Null until the delivery worker has sent it. */
  deliveredAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** When these credits expire; null: never. */
  expiresAt: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['ID']['output'];
  kind: ReceiptKind;
  /** A grant's note (P5: why 0 credits). */
  note: Maybe<Scalars['String']['output']>;
  paymentReference: Maybe<Scalars['String']['output']>;
};

export type ReceiptConnection = {
  __typename?: 'ReceiptConnection';
  nodes: Array<Receipt>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** What brought the credits: a purchase, or a license grant. */
export type ReceiptKind =
  | 'GRANT'
  | 'PURCHASE';

export type ReconciliationMismatch = {
  __typename?: 'ReconciliationMismatch';
  /** The invariant that does not hold. */
  check: Scalars['String']['output'];
  /** The rows that break it (at most 100). */
  ids: Array<Scalars['ID']['output']>;
};

/** One run of the nightly check that the books add up. */
export type ReconciliationReport = {
  __typename?: 'ReconciliationReport';
  accountsChecked: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  lotsChecked: Scalars['Int']['output'];
  /** The previous midnight (UTC) the ledger was also checked as of. */
  midnight: Scalars['DateTimeISO']['output'];
  mismatches: Array<ReconciliationMismatch>;
  /** True when every invariant holds. */
  ok: Scalars['Boolean']['output'];
  ranAt: Scalars['DateTimeISO']['output'];
};

export type Refund = {
  __typename?: 'Refund';
  allocations: Array<Allocation>;
  balanceAfter: Scalars['Int']['output'];
  charge: Charge;
  createdAt: Scalars['DateTimeISO']['output'];
  credits: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  reason: Scalars['String']['output'];
  ticket: Ticket;
};

export type RefundTicketInput = {
  reason: Scalars['String']['input'];
  ticketId: Scalars['ID']['input'];
};

export type Role =
  | 'ADMIN'
  | 'ANALYST'
  | 'CUSTOMER'
  | 'PARTNER'
  | 'SPECIALIST';

export type RotateWebhookSecretPayload = {
  __typename?: 'RotateWebhookSecretPayload';
  endpoint: WebhookEndpoint;
  /** The new signing secret: shown this once only. */
  secret: Scalars['String']['output'];
};

/** The message a customer gets after a charge or refund (P18). */
export type Statement = {
  __typename?: 'Statement';
  balanceAfter: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  credits: Scalars['Int']['output'];
  /** Null until the delivery worker has sent it. */
  deliveredAt: Maybe<Scalars['DateTimeISO']['output']>;
  delivery: StatementDelivery;
  id: Scalars['ID']['output'];
  kind: StatementKind;
  message: Scalars['String']['output'];
  ticket: Ticket;
};

export type StatementConnection = {
  __typename?: 'StatementConnection';
  nodes: Array<Statement>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** The statement e-mail's delivery. */
export type StatementDelivery = {
  __typename?: 'StatementDelivery';
  /** Tries so far. */
  attempts: Scalars['Int']['output'];
  /** The mail server's last refusal or error. */
  lastError: Maybe<Scalars['String']['output']>;
  /** When RETRYING: the next try. */
  nextAttemptAt: Maybe<Scalars['DateTimeISO']['output']>;
  sentAt: Maybe<Scalars['DateTimeISO']['output']>;
  status: StatementDeliveryStatus;
};

/** Where the statement e-mail is: waiting, sent, retrying after a transient failure, or failed for good. */
export type StatementDeliveryStatus =
  | 'FAILED'
  | 'QUEUED'
  | 'RETRYING'
  | 'SENT';

export type StatementKind =
  | 'CHARGE'
  | 'REFUND';

export type SupportLevel =
  | 'LEVEL_1'
  | 'LEVEL_2';

export type Ticket = {
  __typename?: 'Ticket';
  account: Account;
  category: TicketCategory;
  charge: Maybe<Charge>;
  /** Opened, charged, refunded: oldest first. */
  history: Array<TicketEvent>;
  id: Scalars['ID']['output'];
  level: SupportLevel;
  license: License;
  openedAt: Scalars['DateTimeISO']['output'];
  /** The API key that opened it; null for the bootstrap admin key. */
  openedByKeyId: Maybe<Scalars['ID']['output']>;
  /** The opening key's name as it was then; null for tickets older than the field. */
  openedByName: Maybe<Scalars['String']['output']>;
  price: PriceRange;
  refund: Maybe<Refund>;
  status: TicketStatus;
  subject: Scalars['String']['output'];
};

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

export type TicketConnection = {
  __typename?: 'TicketConnection';
  nodes: Array<Ticket>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** How many tickets of a filter are in each status. */
export type TicketCounts = {
  __typename?: 'TicketCounts';
  charged: Scalars['Int']['output'];
  /** Waiting to be charged. */
  open: Scalars['Int']['output'];
  refunded: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

/** A step in a ticket's life. */
export type TicketEvent = {
  __typename?: 'TicketEvent';
  at: Scalars['DateTimeISO']['output'];
  note: Maybe<Scalars['String']['output']>;
  status: TicketStatus;
};

/** Every field narrows the queue; all of them hold together. */
export type TicketFilter = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  categories?: InputMaybe<Array<TicketCategory>>;
  /** The edition of the ticket's license. */
  editions?: InputMaybe<Array<Edition>>;
  levels?: InputMaybe<Array<SupportLevel>>;
  /** Opened at or after this instant. */
  openedAfter?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Opened strictly before this instant. */
  openedBefore?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** The id of the API key that opened it. */
  openedBy?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<TicketStatus>;
};

export type TicketStatus =
  | 'CHARGED'
  | 'OPEN'
  | 'REFUNDED';

export type UpdateApiKeyScopeInput = {
  /** The whole new scope; replaces the old one. */
  accountIds: Array<Scalars['ID']['input']>;
  id: Scalars['ID']['input'];
};

export type UpdateWebhookEndpointInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** true re-enables a disabled endpoint. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  eventTypes?: InputMaybe<Array<Scalars['String']['input']>>;
  id: Scalars['ID']['input'];
  url?: InputMaybe<Scalars['String']['input']>;
};

/** The caller, as its API key identifies it. */
export type Viewer = {
  __typename?: 'Viewer';
  /** PARTNER keys: the accounts in scope; CUSTOMER (a portal link): its one account. Empty for other roles, which see every account. */
  accountIds: Array<Scalars['ID']['output']>;
  keyName: Scalars['String']['output'];
  /** What this key may do; the dashboard shows only these actions. PARTNER keys hold them for the accounts in scope only. */
  permissions: Array<Permission>;
  role: Role;
};

/** One HTTP try of a delivery. */
export type WebhookAttempt = {
  __typename?: 'WebhookAttempt';
  at: Scalars['DateTimeISO']['output'];
  error: Maybe<Scalars['String']['output']>;
  latencyMs: Scalars['Int']['output'];
  /** The request headers sent, in order (the body is the delivery's payload). Null when no request was made, or for tries before 2026-12. */
  requestHeaders: Maybe<Array<WebhookHeader>>;
  /** Where this try was sent (the endpoint URL then). Null for tries before 2026-12. */
  requestUrl: Maybe<Scalars['String']['output']>;
  /** The start of the response body. */
  responseExcerpt: Maybe<Scalars['String']['output']>;
  /** Selected response headers (content-type, content-length, retry-after, location, date, server, x-request-id). Null when no answer came. */
  responseHeaders: Maybe<Array<WebhookHeader>>;
  /** Null when no answer came (timeout, network). */
  statusCode: Maybe<Scalars['Int']['output']>;
};

/** One event to one endpoint. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  /** Null for an event about no one account (reconciliation.failed). */
  accountId: Maybe<Scalars['ID']['output']>;
  attemptCount: Scalars['Int']['output'];
  /** Every try, oldest first. */
  attempts: Array<WebhookAttempt>;
  createdAt: Scalars['DateTimeISO']['output'];
  deliveredAt: Maybe<Scalars['DateTimeISO']['output']>;
  endpointId: Scalars['ID']['output'];
  /** Also the webhook-id header: the same on every retry. */
  eventId: Scalars['ID']['output'];
  eventType: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lastError: Maybe<Scalars['String']['output']>;
  nextAttemptAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** The JSON body sent. */
  payload: Scalars['String']['output'];
  status: WebhookDeliveryStatus;
};

export type WebhookDeliveryStatus =
  | 'DELIVERED'
  | 'FAILED'
  | 'PENDING'
  | 'RETRYING';

/** A partner's (or admin's) receiver of signed events (Standard Webhooks). A partner's endpoint covers its key's accounts. */
export type WebhookEndpoint = {
  __typename?: 'WebhookEndpoint';
  /** Narrows the accounts covered; null: every account the owner may see. */
  accountIds: Maybe<Array<Scalars['ID']['output']>>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** Newest first. */
  deliveries: Array<WebhookDelivery>;
  description: Maybe<Scalars['String']['output']>;
  disabledAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Why it was disabled (410 Gone, failing for days, by hand). */
  disabledReason: Maybe<Scalars['String']['output']>;
  enabled: Scalars['Boolean']['output'];
  eventTypes: Array<Scalars['String']['output']>;
  /** Failing with no success since then. */
  failingSince: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['ID']['output'];
  /** The API key that registered it. */
  ownerName: Scalars['String']['output'];
  url: Scalars['String']['output'];
};


/** A partner's (or admin's) receiver of signed events (Standard Webhooks). A partner's endpoint covers its key's accounts. */
export type WebhookEndpointDeliveriesArgs = {
  first?: Scalars['Int']['input'];
  status?: InputMaybe<WebhookDeliveryStatus>;
};

/** One HTTP header. */
export type WebhookHeader = {
  __typename?: 'WebhookHeader';
  /** Lower case. */
  name: Scalars['String']['output'];
  value: Scalars['String']['output'];
};
