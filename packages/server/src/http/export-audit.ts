import type { Request } from 'express';
import type { AuditEventFilter } from '../audit/audit.type';
import { badInput } from '../common/errors';
import { date, one } from './export-query';

// GET /export/audit.csv?accountId=&keyId=&targetId=&actions=A,B&from=&to=
// The `auditEvents` filter as query parameters; served, with the same key
// auth, partner scope and export slots, by export-charges.ts' exportsRouter.

const PARAMS = ['accountId', 'keyId', 'targetId', 'actions', 'from', 'to'];

/** The query string as the `auditEvents` query's filter; unknown parameters are refused. */
export function auditFilterFromQuery(req: Request): AuditEventFilter {
  const unknown = Object.keys(req.query).find((k) => !PARAMS.includes(k));
  if (unknown)
    throw badInput(`filter.${unknown}`, `Unknown filter "${unknown}"; use ${PARAMS.join(', ')}.`);
  const actions = one(req, 'actions');
  return {
    accountId: one(req, 'accountId') ?? null,
    keyId: one(req, 'keyId') ?? null,
    targetId: one(req, 'targetId') ?? null,
    actions: actions === undefined ? null : actions.split(','),
    from: date(req, 'from'),
    to: date(req, 'to'),
  };
}
