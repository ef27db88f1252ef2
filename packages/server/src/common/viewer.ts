import { Role } from '../policy/enums';

/** Who is calling: resolved from the API key (or portal link) once per request. */
export interface Viewer {
  role: Role;
  /**
   * The credential's id: the API key's, or for CUSTOMER the portal link's
   * (the scope rule, db/read-rules inScopeSql, reads either). Null for the
   * bootstrap key from GATEWAY_ADMIN_KEY.
   */
  keyId: string | null;
  name: string;
  /** CUSTOMER: the one account its portal link opens. */
  accountId?: string;
}

/**
 * What a key may do. This table is the one definition of the role rules: every
 * root field's @Authorized takes its roles from it, `me.permissions` serves it
 * to the dashboard, and refusals quote it.
 */
export enum Permission {
  READ = 'READ',
  CREATE_ACCOUNT = 'CREATE_ACCOUNT',
  ISSUE_LICENSE = 'ISSUE_LICENSE',
  PURCHASE_CREDITS = 'PURCHASE_CREDITS',
  OPEN_TICKET = 'OPEN_TICKET',
  CHARGE_TICKET = 'CHARGE_TICKET',
  REFUND_TICKET = 'REFUND_TICKET',
  EXPIRE_CREDITS = 'EXPIRE_CREDITS',
  MANAGE_API_KEYS = 'MANAGE_API_KEYS',
  RESEND_STATEMENT = 'RESEND_STATEMENT',
  READ_MAILBOX = 'READ_MAILBOX',
  /** Webhook endpoints, deliveries and replays; a partner's own only. */
  READ_WEBHOOKS = 'READ_WEBHOOKS',
  MANAGE_WEBHOOKS = 'MANAGE_WEBHOOKS',
  /** Scheduled runs (expiry) and the reconciliation reports. */
  READ_SCHEDULES = 'READ_SCHEDULES',
  /** An account's low-balance alert level; a partner's own accounts only. */
  SET_LOW_BALANCE_THRESHOLD = 'SET_LOW_BALANCE_THRESHOLD',
  /** The finance view: credit liability and breakage across all accounts. */
  READ_FINANCE = 'READ_FINANCE',
  /** Create and revoke an account's customer portal links; a partner's own accounts only. */
  MANAGE_PORTAL_LINKS = 'MANAGE_PORTAL_LINKS',
}

const SELL = [
  Permission.READ,
  Permission.CREATE_ACCOUNT,
  Permission.ISSUE_LICENSE,
  Permission.PURCHASE_CREDITS,
  Permission.OPEN_TICKET,
  Permission.SET_LOW_BALANCE_THRESHOLD,
  Permission.MANAGE_PORTAL_LINKS,
];
// Moving credits out (charge, refund, expire) is staff work.
const STAFF = [
  ...SELL,
  Permission.CHARGE_TICKET,
  Permission.REFUND_TICKET,
  Permission.EXPIRE_CREDITS,
  Permission.RESEND_STATEMENT,
  Permission.READ_MAILBOX,
  Permission.READ_WEBHOOKS,
  Permission.READ_SCHEDULES,
];

export const PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.ADMIN]: [
    ...STAFF,
    Permission.MANAGE_API_KEYS,
    Permission.MANAGE_WEBHOOKS,
    Permission.READ_FINANCE,
  ],
  [Role.SPECIALIST]: STAFF,
  // Only for the accounts in the key's scope (see Access), and its own endpoints.
  [Role.PARTNER]: [...SELL, Permission.READ_WEBHOOKS, Permission.MANAGE_WEBHOOKS],
  [Role.ANALYST]: [Permission.READ, Permission.READ_FINANCE],
  // A portal link: its one account (see Access), read only.
  [Role.CUSTOMER]: [Permission.READ],
};

const PHRASES: Record<Permission, string> = {
  READ: 'read',
  CREATE_ACCOUNT: 'create accounts',
  ISSUE_LICENSE: 'issue licenses',
  PURCHASE_CREDITS: 'buy credits',
  OPEN_TICKET: 'open tickets',
  CHARGE_TICKET: 'charge tickets',
  REFUND_TICKET: 'refund tickets',
  EXPIRE_CREDITS: 'expire credits',
  MANAGE_API_KEYS: 'manage API keys',
  RESEND_STATEMENT: 'resend statements',
  READ_MAILBOX: 'read the local mailbox',
  READ_WEBHOOKS: 'read webhook deliveries',
  MANAGE_WEBHOOKS: 'manage webhook endpoints',
  READ_SCHEDULES: 'read scheduled runs and reconciliation reports',
  SET_LOW_BALANCE_THRESHOLD: 'set low-balance thresholds',
  READ_FINANCE: 'read the credit liability and breakage',
  MANAGE_PORTAL_LINKS: 'create and revoke customer portal links',
};

export const can = (role: Role, permission: Permission): boolean =>
  PERMISSIONS[role].includes(permission);

/** The roles holding a permission, for @Authorized. */
export const rolesWith = (permission: Permission): Role[] =>
  Object.values(Role).filter((role) => can(role, permission));

/** "read, create accounts and open tickets", for refusals. */
export function describePermissions(role: Role): string {
  const phrases = PERMISSIONS[role].map((p) => PHRASES[p]);
  const last = phrases.pop() ?? 'nothing';
  const list = phrases.length ? `${phrases.join(', ')} and ${last}` : last;
  if (role === Role.CUSTOMER) return `${list} its own account, nothing else`;
  return role === Role.PARTNER ? `${list}, for its own accounts` : list;
}

/**
 * Roles that see only the accounts of their scope, all others every account:
 * a PARTNER key the accounts its scope lists, a CUSTOMER (a portal link) its
 * one account. Both go through the one scope rule, db/read-rules inScopeSql,
 * and its twin common/access.ts Access.
 */
export const isScoped = (role: Role): boolean => role === Role.PARTNER || role === Role.CUSTOMER;

export const READ_ROLES = rolesWith(Permission.READ);
/** Create accounts, issue licenses, buy credits, open tickets. */
export const SELL_ROLES = rolesWith(Permission.OPEN_TICKET);
/** Charge, refund, expire. */
export const STAFF_ROLES = rolesWith(Permission.CHARGE_TICKET);
export const KEY_ROLES = rolesWith(Permission.MANAGE_API_KEYS);
