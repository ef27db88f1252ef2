import type { Role } from '../gql/graphql';

// What each role may do, as the gateway enforces it. The dashboard hides what
// the role can't do; the server still refuses it (FORBIDDEN) if tried.
export type Action =
  | 'account:create'
  | 'license:issue'
  | 'credits:purchase'
  | 'ticket:open'
  | 'ticket:charge'
  | 'ticket:refund'
  | 'credits:expire'
  | 'statement:resend'
  | 'mailbox:read'
  | 'webhooks:read'
  | 'webhooks:manage';

const ALL: readonly Action[] = [
  'account:create',
  'license:issue',
  'credits:purchase',
  'ticket:open',
  'ticket:charge',
  'ticket:refund',
  'credits:expire',
  'statement:resend',
  'mailbox:read',
  'webhooks:read',
  'webhooks:manage',
];

const allowed: Record<Role, readonly Action[]> = {
  ADMIN: ALL,
  SPECIALIST: ALL.filter((a) => a !== 'webhooks:manage'),
  PARTNER: [
    'account:create',
    'license:issue',
    'credits:purchase',
    'ticket:open',
    'webhooks:read',
    'webhooks:manage',
  ],
  ANALYST: [],
};

export function can(role: Role | null | undefined, action: Action): boolean {
  if (!role) return false;
  return allowed[role]?.includes(action) ?? false;
}
