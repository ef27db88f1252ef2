import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Reads } from '../common/context';
import { Access } from '../common/access';
import {
  GatewayError,
  badInput,
  forbidden,
  serviceUnavailable,
  unauthenticated,
  ErrorCode,
} from '../common/errors';
import { READ_ROLES, type Viewer } from '../common/viewer';
import { RETRY_AFTER_SECONDS } from '../db/transient-errors';
import { createLoaders } from '../graphql/loaders';
import { EXPORT_COLUMNS, type ExportRow, openChargeCursor } from '../ledger/charge-export';
import { AUDIT_EXPORT_COLUMNS, type AuditExportRow, openAuditCursor } from '../audit/audit-export';
import type { AuditEventFilter } from '../audit/audit.type';
import type { SnapshotCursor } from '../db/snapshot-cursor';
import { auditFilterFromQuery } from './export-audit';
import { bool, date, list, one } from './export-query';
import type { ChargeFilter } from '../ledger/ledger.type';
import { Edition, Role, TicketCategory } from '../policy/enums';
import { currentRequestId } from './request-scope';
import { asUnavailable, sendGatewayError } from './unavailable';

// GET /export/charges.csv?from=&to=&accountId=&categories=A,B&editions=&included=&refunded=
// The `charges` query's filter as query parameters, the same API-key auth
// and partner scope, streamed as RFC 4180 CSV (CRLF, quoted where needed,
// UTF-8 with a BOM for spreadsheets) with formulas neutralised.

const PARAMS = ['accountId', 'from', 'to', 'categories', 'editions', 'included', 'refunded'];

/** The query string as the `charges` query's ChargeFilter; unknown parameters are refused. */
export function filterFromQuery(req: Request): ChargeFilter {
  const unknown = Object.keys(req.query).find((k) => !PARAMS.includes(k));
  if (unknown)
    throw badInput(`filter.${unknown}`, `Unknown filter "${unknown}"; use ${PARAMS.join(', ')}.`);
  return {
    accountId: one(req, 'accountId') ?? null,
    from: date(req, 'from'),
    to: date(req, 'to'),
    categories: list(req, 'categories', TicketCategory),
    editions: list(req, 'editions', Edition),
    included: bool(req, 'included'),
    refunded: bool(req, 'refunded'),
  };
}

export function csvStringifier(columns: readonly string[]) {
  return stringify({
    header: true,
    columns: [...columns],
    bom: true,
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    // Leading or trailing spaces survive a spreadsheet's trimming only quoted.
    quoted_match: [/^\s/, /\s$/],
    // = + - @ tab CR at the start of a text field get a leading ' (OWASP CSV injection).
    escape_formulas: true,
    cast: {
      boolean: (v) => (v ? 'true' : 'false'),
      date: (v) => v.toISOString(),
    },
  });
}

/**
 * Each export holds a connection and a snapshot for as long as its reader
 * takes, so the slots are shared fairly: `slots` per process, at most
 * `perKey` of them for one key, and partners together leave one for staff.
 * A reader that takes less than `minBytesPerSecond` over `windowMs` while
 * the gateway waits on it is cut off, and its slot freed.
 */
export interface ExportLimits {
  slots: number;
  perKey: number;
  minBytesPerSecond: number;
  windowMs: number;
}

/** Counts the bytes that pass, for the floor-rate check. */
function byteCounter(onBytes: (n: number) => void) {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
}

/** One CSV export: its path, columns, query-string filter and cursor. */
export interface CsvExport<Filter, Row> {
  path: string;
  filename: string;
  /** For the log and the FORBIDDEN message: "charges", "the audit trail". */
  noun: string;
  columns: readonly string[];
  filterFromQuery: (req: Request) => Filter;
  open: (viewer: Viewer, access: Access, filter: Filter) => Promise<SnapshotCursor<Row>>;
}

/**
 * The CSV exports (charges, the audit trail), sharing one set of fair slots
 * and one write deadline: every export holds a connection and a snapshot
 * for as long as its reader takes, whatever it exports.
 */
export function exportsRouter(opts: {
  /** The primary: the key's scope is read there. */
  ds: DataSource;
  /** Where charge rows are read: the replica when it is fresh (a stream is never rerun, so current()). */
  reads: Reads;
  log: Logger;
  authenticate: (req: Request) => Promise<Viewer | null>;
  limits: ExportLimits;
}): Router {
  const { ds, reads, log, authenticate, limits } = opts;
  const router = express.Router();
  let running = 0;
  let partnersRunning = 0;
  const byKey = new Map<string, number>();

  /** A slot for this key, or the refusal: 429 over the key's share, 503 when none is free. */
  function takeSlot(viewer: Viewer): () => void {
    // The environment's admin key has no id of its own.
    const key = viewer.keyId ?? 'environment admin key';
    const mine = byKey.get(key) ?? 0;
    if (mine >= limits.perKey)
      throw new GatewayError(
        ErrorCode.RATE_LIMITED,
        `This API key already runs ${mine} exports (at most ${limits.perKey} at a time); retry when one has finished.`,
        { retryAfter: RETRY_AFTER_SECONDS, limit: limits.perKey },
        429,
        { 'retry-after': String(RETRY_AFTER_SECONDS) },
      );
    const partner = viewer.role === Role.PARTNER;
    if (running >= limits.slots || (partner && partnersRunning >= limits.slots - 1))
      throw serviceUnavailable(RETRY_AFTER_SECONDS);
    running += 1;
    if (partner) partnersRunning += 1;
    byKey.set(key, mine + 1);
    return () => {
      running -= 1;
      if (partner) partnersRunning -= 1;
      const left = (byKey.get(key) ?? 1) - 1;
      if (left > 0) byKey.set(key, left);
      else byKey.delete(key);
    };
  }

  function serve<Filter, Row>(spec: CsvExport<Filter, Row>): void {
    router.get(spec.path, async (req: Request, res: Response) => {
      let cursor: SnapshotCursor<Row> | null = null;
      let cutOff = false;
      try {
        const viewer = await authenticate(req);
        if (!viewer) throw unauthenticated();
        if (!READ_ROLES.includes(viewer.role))
          throw forbidden(`This key may not read ${spec.noun}.`);
        const filter = spec.filterFromQuery(req);
        const release = takeSlot(viewer);
        let watchdog: NodeJS.Timeout | undefined;
        try {
          const access = new Access(viewer, createLoaders(ds, viewer).inScope);
          cursor = await spec.open(viewer, access, filter);
          // The first batch decides the status: a failure before it is still a clean error.
          const first = await cursor.rows.next();
          res.status(200);
          res.setHeader('content-type', 'text/csv; charset=utf-8');
          res.setHeader('content-disposition', `attachment; filename="${spec.filename}"`);
          res.setHeader('cache-control', 'no-store');
          const rows = cursor.rows;
          async function* all(): AsyncGenerator<Row> {
            if (first.done) return;
            yield first.value;
            for (let n = await rows.next(); !n.done; n = await rows.next()) yield n.value;
          }
          // The write deadline: cut off a reader slower than the floor rate
          // (only while the gateway waits on it, never for its own slow reads).
          let sent = 0;
          const floor = (limits.minBytesPerSecond * limits.windowMs) / 1000;
          watchdog = setInterval(() => {
            if (sent < floor && res.writableNeedDrain) {
              cutOff = true;
              res.destroy();
            }
            sent = 0;
          }, limits.windowMs);
          // pipeline keeps backpressure end to end and, when the client goes
          // away, destroys the cursor instead of reading on.
          await pipeline(
            all(),
            csvStringifier(spec.columns),
            byteCounter((n) => (sent += n)),
            res,
          );
          await cursor.close();
        } finally {
          clearInterval(watchdog);
          release();
        }
      } catch (err) {
        await cursor?.close(err);
        if (res.headersSent) {
          // Mid-stream: the only honest signal left is a cut connection.
          if (cutOff) log.warn(`${spec.path} cut off: its reader was slower than the floor rate`);
          else log.warn({ err }, `${spec.path} ended early`);
          res.destroy();
          return;
        }
        const refusal = asUnavailable(err);
        if (refusal instanceof GatewayError) return sendGatewayError(res, refusal);
        const requestId = currentRequestId();
        log.error({ err, requestId }, `${spec.path} failed`);
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
  }

  serve<ChargeFilter, ExportRow>({
    path: '/export/charges.csv',
    filename: 'charges.csv',
    noun: 'charges',
    columns: EXPORT_COLUMNS.map(([name]) => name),
    filterFromQuery,
    open: (viewer, access, filter) =>
      openChargeCursor({ ds: reads.current(), viewer, access }, filter),
  });
  serve<AuditEventFilter, AuditExportRow>({
    path: '/export/audit.csv',
    filename: 'audit.csv',
    noun: 'the audit trail',
    columns: AUDIT_EXPORT_COLUMNS.map(([name]) => name),
    filterFromQuery: auditFilterFromQuery,
    // The trail is what was just done: read on the primary.
    open: (viewer, access, filter) => openAuditCursor({ ds, viewer, access }, filter),
  });
  return router;
}
