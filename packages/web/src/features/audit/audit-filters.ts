import type { AuditEventFilter } from '../../gql/graphql';
import { dateInputToIso, dateInputToNextDayIso } from '../../shared/format';

// /audit?action=chargeTicket&account=<id>&key=<key id>&from=2025-01-01&to=2025-01-31

/** The actions the gateway records, in the order a day's work meets them. */
export const AUDIT_ACTIONS = [
  'openTicket',
  'chargeTicket',
  'refundTicket',
  'purchaseCredits',
  'createAccount',
  'issueLicense',
  'expireCredits',
  'resendStatement',
  'createApiKey',
  'updateApiKeyScope',
  'revokeApiKey',
  'createWebhookEndpoint',
  'updateWebhookEndpoint',
  'rotateWebhookSecret',
  'deleteWebhookEndpoint',
  'replayWebhookDelivery',
  'sendTestWebhook',
  'createPortalLink',
  'revokePortalLinks',
] as const;

export interface AuditFilterState {
  action: string;
  account: string;
  key: string;
  from: string;
  to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readAudit(params: URLSearchParams): AuditFilterState {
  const action = params.get('action') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    action: (AUDIT_ACTIONS as readonly string[]).includes(action) ? action : '',
    account: (params.get('account') ?? '').trim(),
    key: (params.get('key') ?? '').trim(),
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
  };
}

export function writeAudit(s: AuditFilterState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.action) p.set('action', s.action);
  if (s.account) p.set('account', s.account);
  if (s.key) p.set('key', s.key);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  return p;
}

/** Days are UTC, as on Charges; `to` is exclusive, so it is the next day's midnight. */
export function toAuditFilter(s: AuditFilterState): AuditEventFilter {
  const f: AuditEventFilter = {};
  if (s.action) f.actions = [s.action];
  if (s.account) f.accountId = s.account;
  if (s.key) f.keyId = s.key;
  const from = s.from ? dateInputToIso(s.from) : null;
  const to = s.to ? dateInputToNextDayIso(s.to) : null;
  if (from) f.from = from;
  if (to) f.to = to;
  return f;
}

/** The export's query string: the same filter as /export/audit.csv takes it. */
export function auditExportQuery(f: AuditEventFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.accountId) p.set('accountId', String(f.accountId));
  if (f.keyId) p.set('keyId', String(f.keyId));
  if (f.actions?.length) p.set('actions', f.actions.join(','));
  if (f.from) p.set('from', String(f.from));
  if (f.to) p.set('to', String(f.to));
  return p;
}
