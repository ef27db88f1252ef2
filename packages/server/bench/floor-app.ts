import http from 'node:http';
import type { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { statementMessage } from '../src/outbox/statements';
import { allocate } from '../src/policy/spending';
import {
  ACCOUNT_PAGE_REAL_SQL,
  ACCOUNTS_PAGE_REAL_SQL,
  CHARGES_PAGE_REAL_SQL,
  TICKET_PAGE_REAL_SQL,
} from './floor-pages-sql';
import {
  ACCOUNT_PAGE_SQL,
  ACCOUNTS_SQL,
  CHARGE_LOCK_SQL,
  CHARGE_READ_SQL,
  CHARGE_WRITE_SQL,
  POINT_SQL,
} from './floor-sql';

// The floor: the benchmark's reads and chargeTicket answered by hand-written
// SQL through `pg`, behind a bare node:http server, so the gap to the gateway
// is what GraphQL, the resolvers, DataLoaders and TypeORM cost. floor-server.ts
// runs it as its own process for run.ts, like the gateway, with the same pool
// size; test/bench-floor.test.ts runs it in-process.
//   POST /account-page {id}   POST /account {id}   POST /accounts {first, after}
//   POST /charge {ticketId, credits}                GET /healthz
//   POST /pages/<operation> <its variables>: the dashboard's AccountPage,
//     AccountsPage, TicketPage and ChargesPage (no filter), answered with the
//     JSON the gateway gives for that document as Apollo Client sends it.

const decodeCursor = (c: string | null | undefined): string | null => {
  if (!c) return null;
  const raw = Buffer.from(c, 'base64url').toString('utf8');
  if (!raw.startsWith('k:')) throw new HttpError(400, 'bad cursor');
  return raw.slice(2);
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The gateway's search pattern (account.service searchPattern): the term trimmed, wildcards literal. */
const searchPattern = (search: string | null | undefined): string | null => {
  const term = search?.trim();
  return term ? `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
};

/** The body of the floor: its routes over `pool`. */
export function createFloor(pool: Pool): http.Server {
  async function one(sql: string, params: unknown[]): Promise<string> {
    const r = await pool.query<{ body: string }>(sql, params);
    return `{"data":${r.rows[0]!.body}}`;
  }

  interface LotRow {
    id: string;
    remaining: number;
    expiresAt: string | null;
    createdAt: string;
  }

  async function charge(ticketId: string, credits: number): Promise<string> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      try {
        const lock = await client.query<{ accountId: string }>(CHARGE_LOCK_SQL, [ticketId]);
        const locked = lock.rows[0];
        if (!locked) throw new HttpError(404, 'ticket not found');
        const { accountId } = locked;
        const read = await client.query(CHARGE_READ_SQL, [ticketId]);
        const t = read.rows[0] as {
          at: Date;
          priceMin: number;
          priceMax: number;
          subject: string;
          category: string;
          edition: string;
          hostingPlan: string | null;
          charged: boolean;
          lots: LotRow[];
        };
        if (t.charged) throw new HttpError(409, 'ticket already charged');
        if (!Number.isSafeInteger(credits) || credits < t.priceMin || credits > t.priceMax)
          throw new HttpError(400, 'cost out of range');
        const lots = t.lots.map((l) => ({
          id: l.id,
          remaining: l.remaining,
          expiresAt: l.expiresAt ? new Date(l.expiresAt) : null,
          createdAt: new Date(l.createdAt),
        }));
        const at = t.at;
        const plan = allocate(lots, credits, at);
        if (!plan.ok) throw new HttpError(409, 'insufficient credits');
        const balance = lots.reduce(
          (s, l) => s + (l.expiresAt === null || l.expiresAt > at ? l.remaining : 0),
          0,
        );
        const chargeId = uuidv7();
        const balanceAfter = balance - credits;
        const message = statementMessage('CHARGE', t.subject, credits, balanceAfter);
        const payload = {
          kind: 'CHARGE',
          ticketId,
          chargeId,
          refundId: null,
          credits,
          balanceAfter,
          message,
        };
        await client.query(CHARGE_WRITE_SQL, [
          chargeId,
          accountId,
          ticketId,
          credits,
          t.priceMax === 0,
          balanceAfter,
          t.category,
          t.edition,
          t.hostingPlan,
          at,
          plan.allocations.map((a) => a.lotId),
          plan.allocations.map((a) => a.credits),
          uuidv7(),
          JSON.stringify(payload),
          `floor-${chargeId}`,
          JSON.stringify({ ticketId, credits, idempotencyKey: null }),
        ]);
        await client.query('COMMIT');
        return JSON.stringify({
          data: {
            chargeTicket: { id: chargeId, credits, included: t.priceMax === 0, balanceAfter },
          },
        });
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    } finally {
      client.release();
    }
  }

  type Body = {
    id?: string;
    first?: number;
    after?: string | null;
    search?: string | null;
    filter?: unknown;
    ticketId?: string;
    credits?: number;
  };

  async function route(method: string, url: string, body: Body): Promise<string> {
    if (method === 'GET' && url === '/healthz') return '{"status":"ok"}';
    if (method !== 'POST') throw new HttpError(404, 'not found');
    switch (url) {
      case '/account':
        return one(POINT_SQL, [body.id]);
      case '/account-page':
        return one(ACCOUNT_PAGE_SQL, [body.id]);
      case '/accounts':
        return one(ACCOUNTS_SQL, [decodeCursor(body.after), body.first ?? 20]);
      case '/charge':
        return charge(String(body.ticketId), Number(body.credits));
      case '/pages/AccountPage':
        return one(ACCOUNT_PAGE_REAL_SQL, [body.id]);
      case '/pages/AccountsPage':
        return one(ACCOUNTS_PAGE_REAL_SQL, [
          searchPattern(body.search),
          decodeCursor(body.after),
          body.first ?? 20,
        ]);
      case '/pages/TicketPage':
        return one(TICKET_PAGE_REAL_SQL, [body.id]);
      case '/pages/ChargesPage':
        if (body.filter != null)
          throw new HttpError(400, 'the floor answers ChargesPage unfiltered');
        return one(CHARGES_PAGE_REAL_SQL, [decodeCursor(body.after), body.first ?? 50]);
      default:
        throw new HttpError(404, 'not found');
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Body = {};
      try {
        if (chunks.length) body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Body;
      } catch {
        res.writeHead(400).end('{"errors":[{"message":"bad json"}]}');
        return;
      }
      route(req.method ?? 'GET', req.url ?? '/', body).then(
        (out) => {
          res.writeHead(200, {
            'content-type': 'application/json; charset=utf-8',
            'content-length': Buffer.byteLength(out),
          });
          res.end(out);
        },
        (err: unknown) => {
          const status = err instanceof HttpError ? err.status : 500;
          const out = JSON.stringify({
            errors: [{ message: err instanceof Error ? err.message : String(err) }],
          });
          res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(out);
        },
      );
    });
  });
  server.keepAliveTimeout = 65_000;
  return server;
}
