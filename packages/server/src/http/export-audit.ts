import { pipeline } from 'node:stream/promises';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { Access } from '../common/access';
import {
  ErrorCode,
  GatewayError,
  badInput,
  forbidden,
  serviceUnavailable,
  unauthenticated,
} from '../common/errors';
import { READ_ROLES, type Viewer } from '../common/viewer';
import { AUDIT_EXPORT_COLUMNS, type AuditExportRow, openAuditCursor } from '../audit/audit-export';
import type { AuditEventFilter } from '../audit/audit.type';
import { RETRY_AFTER_SECONDS } from '../db/transient-errors';
import { createLoaders } from '../graphql/loaders';
import { csvStringifier } from './export-charges';
import { currentRequestId } from './request-scope';
import { asUnavailable, sendGatewayError } from './unavailable';

// GET /export/audit.csv?accountId=&keyId=&targetId=&actions=A,B&from=&to=
// The `auditEvents` filter as query parameters, the same key auth and
// partner scope, streamed as CSV like /export/charges.csv. Read on the
// primary: the trail is what was just done.

const PARAMS = ['accountId', 'keyId', 'targetId', 'actions', 'from', 'to'];
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function one(req: Request, name: string): string | undefined {
  const v = req.query[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw badInput(`filter.${name}`, `Give filter.${name} once.`);
  return v;
}

function date(req: Request, name: string): Date | null {
  const v = one(req, name);
  if (v === undefined) return null;
  if (!DATE_TIME.test(v))
    throw badInput(`filter.${name}`, `filter.${name} is an ISO 8601 date-time with a zone.`);
  return new Date(v);
}

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

const MAX_CONCURRENT_EXPORTS = 2;

export function exportAuditRouter(opts: {
  ds: DataSource;
  log: Logger;
  authenticate: (req: Request) => Promise<Viewer | null>;
}): Router {
  const { ds, log, authenticate } = opts;
  const router = express.Router();
  let running = 0;

  router.get('/export/audit.csv', async (req: Request, res: Response) => {
    let cursor: Awaited<ReturnType<typeof openAuditCursor>> | null = null;
    try {
      const viewer = await authenticate(req);
      if (!viewer) throw unauthenticated();
      if (!READ_ROLES.includes(viewer.role))
        throw forbidden('This key may not read the audit trail.');
      const filter = auditFilterFromQuery(req);
      if (running >= MAX_CONCURRENT_EXPORTS) throw serviceUnavailable(RETRY_AFTER_SECONDS);
      running += 1;
      try {
        const access = new Access(viewer, createLoaders(ds, viewer).inScope);
        cursor = await openAuditCursor({ ds, viewer, access }, filter);
        const first = await cursor.rows.next();
        res.status(200);
        res.setHeader('content-type', 'text/csv; charset=utf-8');
        res.setHeader('content-disposition', 'attachment; filename="audit.csv"');
        res.setHeader('cache-control', 'no-store');
        const rows = cursor.rows;
        async function* all(): AsyncGenerator<AuditExportRow> {
          if (first.done) return;
          yield first.value;
          for (let n = await rows.next(); !n.done; n = await rows.next()) yield n.value;
        }
        await pipeline(all(), csvStringifier(AUDIT_EXPORT_COLUMNS.map(([name]) => name)), res);
        await cursor.close();
      } finally {
        running -= 1;
      }
    } catch (err) {
      await cursor?.close(err);
      if (res.headersSent) {
        log.warn({ err }, 'audit export ended early');
        res.destroy();
        return;
      }
      const refusal = asUnavailable(err);
      if (refusal instanceof GatewayError) return sendGatewayError(res, refusal);
      const requestId = currentRequestId();
      log.error({ err, requestId }, 'audit export failed');
      res.status(500).json({
        errors: [
          {
            message: 'Internal server error.',
            extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
          },
        ],
      });
    }
  });
  return router;
}
