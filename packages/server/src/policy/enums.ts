// String enums whose values equal their names, so the same spelling is used in
// the database, the GraphQL schema and the logs without any mapping table.

export enum Edition {
  FREE = 'FREE',
  LEASED = 'LEASED',
  OWNED = 'OWNED',
  SAAS = 'SAAS',
}

export enum HostingPlan {
  BASIC = 'BASIC',
  STANDARD = 'STANDARD',
  PROFESSIONAL = 'PROFESSIONAL',
}

export enum SupportLevel {
  LEVEL_1 = 'LEVEL_1',
  LEVEL_2 = 'LEVEL_2',
}

// Order follows the vendor's page (POLICY.md P8); keep it, lists are shown in it.
export enum TicketCategory {
  GENERAL_ISSUE = 'GENERAL_ISSUE',
  WARRANTY = 'WARRANTY',
  BUG_REPORT = 'BUG_REPORT',
  QUOTE_REQUEST = 'QUOTE_REQUEST',
  FEATURE_DESCRIPTION = 'FEATURE_DESCRIPTION',
  SETUP = 'SETUP',
  DOMAIN_CHANGE = 'DOMAIN_CHANGE',
  SIMPLE_CUSTOMIZATION = 'SIMPLE_CUSTOMIZATION',
  ROOT_CAUSE_ANALYSIS = 'ROOT_CAUSE_ANALYSIS',
  ROOT_CAUSE_DEBUGGING = 'ROOT_CAUSE_DEBUGGING',
  HOSTING_ISSUE = 'HOSTING_ISSUE',
  EDITION_UPGRADE = 'EDITION_UPGRADE',
  CLARIFICATION = 'CLARIFICATION',
}

export enum LotSource {
  LICENSE_GRANT = 'LICENSE_GRANT',
  PURCHASE = 'PURCHASE',
  REFUND = 'REFUND',
}

export enum LedgerEntryKind {
  GRANT = 'GRANT',
  PURCHASE = 'PURCHASE',
  CHARGE = 'CHARGE',
  REFUND = 'REFUND',
  EXPIRY = 'EXPIRY',
}

export enum TicketStatus {
  OPEN = 'OPEN',
  CHARGED = 'CHARGED',
  REFUNDED = 'REFUNDED',
}

export enum Role {
  ADMIN = 'ADMIN',
  SPECIALIST = 'SPECIALIST',
  PARTNER = 'PARTNER',
  ANALYST = 'ANALYST',
  /** A customer through a portal link: reads its one account, changes nothing. */
  CUSTOMER = 'CUSTOMER',
}

export enum ChargeGrouping {
  DAY = 'DAY',
  MONTH = 'MONTH',
  CATEGORY = 'CATEGORY',
  EDITION = 'EDITION',
  ACCOUNT = 'ACCOUNT',
}

export enum StatementKind {
  CHARGE = 'CHARGE',
  REFUND = 'REFUND',
}
