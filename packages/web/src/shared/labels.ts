import type {
  Edition,
  HostingPlan,
  LedgerEntryKind,
  LotSource,
  Role,
  SupportLevel,
  TicketCategory,
  TicketStatus,
} from '../gql/graphql';

// Display names for the API's enums. Ticket categories are not here: their
// titles, levels and descriptions are the API's (`pricing`, shared/pricing.ts).

export const EDITIONS: readonly Edition[] = ['FREE', 'LEASED', 'OWNED', 'SAAS'];
export const HOSTING_PLANS: readonly HostingPlan[] = ['BASIC', 'STANDARD', 'PROFESSIONAL'];

export const TICKET_CATEGORIES: readonly TicketCategory[] = [
  'GENERAL_ISSUE',
  'WARRANTY',
  'BUG_REPORT',
  'QUOTE_REQUEST',
  'FEATURE_DESCRIPTION',
  'SETUP',
  'DOMAIN_CHANGE',
  'SIMPLE_CUSTOMIZATION',
  'ROOT_CAUSE_ANALYSIS',
  'ROOT_CAUSE_DEBUGGING',
  'HOSTING_ISSUE',
  'EDITION_UPGRADE',
  'CLARIFICATION',
];

const editionTitles: Record<Edition, string> = {
  FREE: 'Free',
  LEASED: 'Leased',
  OWNED: 'Owned',
  SAAS: 'SaaS',
};
export function editionLabel(e: string): string {
  return editionTitles[e as Edition] ?? e;
}

const planTitles: Record<HostingPlan, string> = {
  BASIC: 'Basic',
  STANDARD: 'Standard',
  PROFESSIONAL: 'Professional',
};
export function planLabel(p: string | null | undefined): string {
  if (!p) return '';
  return planTitles[p as HostingPlan] ?? p;
}

/** "SaaS · Standard", "Owned" */
export function licenseKindLabel(edition: Edition, plan: HostingPlan | null | undefined): string {
  return plan ? `${editionLabel(edition)} · ${planLabel(plan)}` : editionLabel(edition);
}

export function levelLabel(l: SupportLevel): string {
  return l === 'LEVEL_1' ? 'Level 1' : 'Level 2';
}

export function levelsLabel(levels: readonly SupportLevel[]): string {
  if (levels.length === 0) return 'None';
  return levels.map(levelLabel).join(' and ');
}

const lotSourceTitles: Record<LotSource, string> = {
  LICENSE_GRANT: 'License grant',
  PURCHASE: 'Purchase',
  REFUND: 'Refund',
};
export function lotSourceLabel(s: LotSource): string {
  return lotSourceTitles[s] ?? s;
}

const ledgerKindTitles: Record<LedgerEntryKind, string> = {
  GRANT: 'Grant',
  PURCHASE: 'Purchase',
  CHARGE: 'Charge',
  REFUND: 'Refund',
  EXPIRY: 'Expiry',
};
export function ledgerKindLabel(k: LedgerEntryKind): string {
  return ledgerKindTitles[k] ?? k;
}

const statusTitles: Record<TicketStatus, string> = {
  OPEN: 'Open',
  CHARGED: 'Charged',
  REFUNDED: 'Refunded',
};
export function statusLabel(s: TicketStatus): string {
  return statusTitles[s] ?? s;
}

const roleTitles: Record<Role, string> = {
  ADMIN: 'Admin',
  SPECIALIST: 'Support specialist',
  PARTNER: 'Partner',
  ANALYST: 'Analyst',
  CUSTOMER: 'Customer (portal link)',
};
export function roleLabel(r: Role): string {
  return roleTitles[r] ?? r;
}

const roleScopes: Record<Role, string> = {
  ADMIN: 'Admin keys may do everything.',
  SPECIALIST: 'Support specialists may do everything except manage API keys and webhook endpoints.',
  PARTNER:
    'Partner keys work only on their own accounts: they may create accounts, issue licenses, purchase credits and open tickets, but never charge, refund or expire credits.',
  ANALYST:
    'Analyst keys read accounts, tickets, charges, pricing and the audit trail, and change nothing; Operations, Webhooks and the Mailbox are for staff.',
  CUSTOMER: 'A customer portal link reads its own account and changes nothing.',
};
export function roleScope(r: Role): string {
  return roleScopes[r] ?? '';
}
