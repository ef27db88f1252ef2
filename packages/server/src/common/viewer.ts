import { Role } from '../policy/enums';

/** Who is calling: resolved from the API key once per request. */
export interface Viewer {
  role: Role;
  /** Null for the bootstrap key from GATEWAY_ADMIN_KEY. */
  keyId: string | null;
  name: string;
}

export const READ_ROLES = [Role.ADMIN, Role.SPECIALIST, Role.PARTNER, Role.ANALYST];
/** Create accounts, issue licenses, buy credits, open tickets. */
export const SELL_ROLES = [Role.ADMIN, Role.SPECIALIST, Role.PARTNER];
/** Charge, refund, expire: moving credits out is staff work. */
export const STAFF_ROLES = [Role.ADMIN, Role.SPECIALIST];
export const KEY_ROLES = [Role.ADMIN];
