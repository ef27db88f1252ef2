import type { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { statementMessage } from '../src/outbox/statements';
import {
  Edition,
  HostingPlan,
  LedgerEntryKind,
  LotSource,
  TicketCategory,
  TicketStatus,
} from '../src/policy/enums';
import { grantExpiresAt, grantFor } from '../src/policy/grants';
import { priceFor } from '../src/policy/prices';
import { allocate, isLive } from '../src/policy/spending';

// The seeder simulates each account's history in memory with the gateway's
// own policy functions (grants, prices, spending order), then writes each
// batch of accounts with one set-based statement: an INSERT ... SELECT FROM
// unnest(...) per table, chained as data-modifying CTEs. Going through the
// policy code rather than random numbers is what makes the books add up:
// every lot's counters, allocations and ledger entries agree, so the
// reconcile checks of the test suite pass on the seeded data.

/** Each account also gets 1-5 licenses (3 on average) and about 10 lots. */
export interface SeedSizes {
  accounts: number;
  /** Tickets in all; about 5 in 6 are charged (one charge per ticket). */
  tickets: number;
}

export function sizesFor(scale: number): SeedSizes {
  return {
    accounts: Math.max(50, Math.round(10_000 * scale)),
    // charges_ticket_uq allows one charge per ticket, so 1M charges need 1M
    // charged tickets; 200k more stay open.
    tickets: Math.max(500, Math.round(1_200_000 * scale)),
  };
}

export interface SeedCounts {
  accounts: number;
  licenses: number;
  lots: number;
  topUps: number;
  tickets: number;
  charges: number;
  allocations: number;
  ledgerEntries: number;
  statements: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const CHARGED_SHARE = 5 / 6;

/** Small, fast, seedable PRNG: the same BENCH_SEED gives the same data set. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(rnd: () => number, items: readonly T[]): T =>
  items[Math.floor(rnd() * items.length)]!;
const between = (rnd: () => number, lo: number, hi: number): number => lo + rnd() * (hi - lo);
const intBetween = (rnd: () => number, lo: number, hi: number): number =>
  lo + Math.floor(rnd() * (hi - lo + 1));

const CATEGORIES = Object.values(TicketCategory);
const SUBJECTS = [
  'Checkout page times out',
  'Configure EU VAT rates',
  'Shipping module shows wrong rates',
  'Move store to a new domain',
  'Customise the product template',
  'Payment gateway callback fails',
  'Upgrade from Free to Owned',
  'Mail from the server lands in spam',
  'Slow category pages after import',
  'Question about the license terms',
];
const WORDS = [
  'Acme',
  'Bloom',
  'Corner',
  'Delta',
  'Evergreen',
  'Fjord',
  'Granite',
  'Harbor',
  'Indigo',
  'Juniper',
  'Kestrel',
  'Lumen',
];
const TRADES = [
  'Outdoor',
  'Books',
  'Florists',
  'Coffee',
  'Bikes',
  'Toys',
  'Tea',
  'Crafts',
  'Audio',
  'Garden',
];

type PlanChoice = { edition: Edition; hostingPlan: HostingPlan | null; list: number; paid: number };

function chooseLicenseTerms(rnd: () => number): PlanChoice {
  const r = rnd();
  if (r < 0.15) return { edition: Edition.FREE, hostingPlan: null, list: 0, paid: 0 };
  if (r < 0.4) return { edition: Edition.LEASED, hostingPlan: null, list: 9_900, paid: 9_900 };
  if (r < 0.75) {
    // One Owned sale in ten goes above the 20% discount rule and grants nothing (P2).
    const paid = rnd() < 0.1 ? 34_900 : pick(rnd, [49_900, 44_900, 42_900]);
    return { edition: Edition.OWNED, hostingPlan: null, list: 49_900, paid };
  }
  const plan = pick(rnd, [HostingPlan.BASIC, HostingPlan.STANDARD, HostingPlan.PROFESSIONAL]);
  const price = plan === HostingPlan.BASIC ? 2_900 : plan === HostingPlan.STANDARD ? 5_900 : 9_900;
  return { edition: Edition.SAAS, hostingPlan: plan, list: price, paid: price };
}

/** Column arrays for one table, filled row by row, sent as unnest() parameters. */
class Columns {
  readonly cols: unknown[][];
  rows = 0;
  constructor(n: number) {
    this.cols = Array.from({ length: n }, () => []);
  }
  push(...values: unknown[]): void {
    for (let i = 0; i < values.length; i++) this.cols[i]!.push(values[i]);
    this.rows++;
  }
}

interface Batch {
  accounts: Columns;
  licenses: Columns;
  lots: Columns;
  tickets: Columns;
  charges: Columns;
  allocations: Columns;
  ledger: Columns;
  outbox: Columns;
  topUps: number;
}

// One INSERT per table (sent together, see INSERT_ALL); the casts name each
// column's type so unnest() can take plain JS arrays (ISO strings for timestamps).
const INSERTS: [keyof Omit<Batch, 'topUps'>, string][] = [
  [
    'accounts',
    `INSERT INTO accounts (id, name, email, created_at)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[])`,
  ],
  [
    'licenses',
    `INSERT INTO licenses (id, account_id, edition, hosting_plan, domain, order_date, list_price_cents,
       paid_price_cents, credits_granted, grant_note, created_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::edition[], $4::hosting_plan[], $5::text[], $6::timestamptz[],
       $7::int[], $8::int[], $9::int[], $10::text[], $11::timestamptz[])`,
  ],
  [
    'lots',
    `INSERT INTO credit_lots (id, account_id, source, license_id, payment_reference, payment_namespace,
       original_credits, remaining_credits, spent_credits, refunded_credits, expired_credits, created_at, expires_at,
       expiry_recorded_at)
     SELECT id, a, s, l, r, CASE WHEN r IS NOT NULL THEN 'vendor' END, o, re, sp, rf, ex, c, e, er
       FROM unnest($1::uuid[], $2::uuid[], $3::lot_source[], $4::uuid[], $5::text[], $6::int[], $7::int[],
         $8::int[], $9::int[], $10::int[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[])
         AS x(id, a, s, l, r, o, re, sp, rf, ex, c, e, er)`,
  ],
  [
    'tickets',
    `INSERT INTO tickets (id, account_id, license_id, category, level, subject, status, price_min, price_max, opened_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::ticket_category[], $5::support_level[], $6::text[],
       $7::ticket_status[], $8::int[], $9::int[], $10::timestamptz[])`,
  ],
  [
    'charges',
    `INSERT INTO charges (id, account_id, ticket_id, credits, included, balance_after, category, edition,
       hosting_plan, created_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::bool[], $6::int[], $7::ticket_category[],
       $8::edition[], $9::hosting_plan[], $10::timestamptz[])`,
  ],
  [
    'allocations',
    `INSERT INTO allocations (account_id, charge_id, lot_id, credits)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[])`,
  ],
  // WITH ORDINALITY + ORDER BY: identity ids follow each account's history,
  // which is what the ledger's "newest first" pagination relies on.
  [
    'ledger',
    `INSERT INTO ledger_entries (account_id, lot_id, kind, credits, ticket_id, charge_id, at)
     SELECT a, l, k, c, t, ch, at FROM unnest($1::uuid[], $2::uuid[], $3::ledger_entry_kind[], $4::int[], $5::uuid[],
       $6::uuid[], $7::timestamptz[]) WITH ORDINALITY AS x(a, l, k, c, t, ch, at, n) ORDER BY n`,
  ],
  // The statement's payload is built here rather than sent as JSON text:
  // escaping JSON inside a text[] literal costs more than the row itself.
  [
    'outbox',
    `INSERT INTO outbox (id, account_id, topic, payload, created_at, delivered_at, attempts)
     SELECT i, a, 'statement',
            jsonb_build_object('kind', 'CHARGE', 'ticketId', t, 'chargeId', ch, 'refundId', NULL, 'credits', c,
                               'balanceAfter', bal, 'message', m),
            at, d, 1
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::int[], $7::text[], $8::timestamptz[],
                   $9::timestamptz[]) AS x(i, a, t, ch, c, bal, m, at, d)`,
  ],
];

const TABLES = INSERTS.map(([t]) => t);

/** Every table's INSERT as one statement of data-modifying CTEs, parameters renumbered. */
const INSERT_ALL = (() => {
  let offset = 0;
  const parts = INSERTS.map(([table, sql]) => {
    const n = Math.max(...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
    const renumbered = sql.replace(/\$(\d+)/g, (_, d: string) => `$${Number(d) + offset}`);
    offset += n;
    return `${table}_rows AS (${renumbered})`;
  });
  return `WITH ${parts.join(',\n')}\nSELECT 1`;
})();

interface SimLot {
  id: string;
  remaining: number;
  original: number;
  spent: number;
  expired: number;
  expiresAt: Date | null;
  createdAt: Date;
  expiryRecordedAt: Date | null;
  source: LotSource;
  licenseId: string | null;
  paymentReference: string | null;
}

interface Entry {
  at: number;
  seq: number;
  lotId: string;
  kind: LedgerEntryKind;
  credits: number;
  ticketId: string | null;
  chargeId: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const id = (ms: number) => uuidv7({ msecs: ms });

/**
 * One account's whole history: created 12-36 months ago, 1-5 licenses with
 * their grant lots, purchases, tickets opened over the licenses' lives and
 * mostly charged, spending soonest-expiring lots first; expired lots get
 * their EXPIRY entry as the daily expireCredits job would have written it.
 */
function simulateAccount(
  b: Batch,
  index: number,
  ticketCount: number,
  seed: number,
  now: number,
): void {
  const rnd = mulberry32(seed * 1_000_003 + index);
  const created = now - between(rnd, 365, 3 * 365) * DAY;
  const accountId = id(created);
  const w = `${pick(rnd, WORDS)} ${pick(rnd, TRADES)}`;
  b.accounts.push(accountId, `${w} ${index}`, `owner${index}@shop${index}.example`, iso(created));

  const lots: SimLot[] = [];
  const entries: Entry[] = [];
  let seq = 0;
  const openLot = (
    lot: Omit<SimLot, 'remaining' | 'spent' | 'expired' | 'expiryRecordedAt'>,
    kind: LedgerEntryKind,
  ) => {
    const full: SimLot = {
      ...lot,
      remaining: lot.original,
      spent: 0,
      expired: 0,
      expiryRecordedAt: null,
    };
    lots.push(full);
    entries.push({
      at: lot.createdAt.getTime(),
      seq: seq++,
      lotId: lot.id,
      kind,
      credits: lot.original,
      ticketId: null,
      chargeId: null,
    });
    return full;
  };

  // Licenses (1-5, 3 on average) and their grant lots (P1-P5).
  const nLicenses = pick(rnd, [1, 2, 2, 3, 3, 3, 4, 4, 5, 3]);
  const licenses: { id: string; terms: PlanChoice; issued: number }[] = [];
  for (let j = 0; j < nLicenses; j++) {
    const orderDate = between(rnd, created, now - 2 * DAY);
    const issued = Math.min(orderDate + between(rnd, 0, DAY), now - DAY);
    const terms = chooseLicenseTerms(rnd);
    const grant = grantFor({
      edition: terms.edition,
      hostingPlan: terms.hostingPlan,
      listPriceCents: terms.list,
      paidPriceCents: terms.paid,
    });
    const licenseId = id(issued);
    b.licenses.push(
      licenseId,
      accountId,
      terms.edition,
      terms.hostingPlan,
      `shop${index}-${j}.example.com`,
      iso(orderDate),
      terms.list,
      terms.paid,
      grant.credits,
      grant.note,
      iso(issued),
    );
    licenses.push({ id: licenseId, terms, issued });
    if (grant.credits > 0) {
      openLot(
        {
          id: id(issued),
          original: grant.credits,
          createdAt: new Date(issued),
          expiresAt: grantExpiresAt(new Date(orderDate)),
          source: LotSource.LICENSE_GRANT,
          licenseId,
          paymentReference: null,
        },
        LedgerEntryKind.GRANT,
      );
    }
  }

  // Tickets, and the charges of about 5 in 6 of them, in time order.
  type Planned = {
    ticketId: string;
    licenseIdx: number;
    opened: number;
    category: TicketCategory;
    subject: string;
    min: number;
    max: number;
    chargeAt: number | null;
    credits: number;
  };
  const planned: Planned[] = [];
  for (let k = 0; k < ticketCount; k++) {
    const licenseIdx = Math.floor(rnd() * licenses.length);
    const lic = licenses[licenseIdx]!;
    const opened = between(rnd, lic.issued + HOUR, now - HOUR);
    const category = pick(rnd, CATEGORIES);
    const { price } = priceFor(lic.terms.edition, lic.terms.hostingPlan, category);
    const charged = rnd() < CHARGED_SHARE;
    const chargeAt = charged
      ? Math.min(opened + between(rnd, 5 * MINUTE, 2 * DAY), now - MINUTE)
      : null;
    const subject = `${pick(rnd, SUBJECTS)} (#${index}-${k})`;
    planned.push({
      ticketId: id(opened),
      licenseIdx,
      opened,
      category,
      subject,
      min: price.min,
      max: price.max,
      chargeAt,
      credits: intBetween(rnd, price.min, price.max),
    });
  }

  // Purchases (P6: never expire) sized to cover what the charges will need.
  const demand = planned.reduce((s, p) => s + (p.chargeAt === null ? 0 : p.credits), 0);
  const grantLots = lots.length;
  const nPurchases = Math.max(1, 10 - grantLots + intBetween(rnd, -1, 1));
  const each = Math.max(50, Math.ceil((demand * 1.15) / nPurchases / 10) * 10);
  let payments = 0;
  const purchase = (at: number, credits: number) =>
    openLot(
      {
        id: id(at),
        original: credits,
        createdAt: new Date(at),
        expiresAt: null,
        source: LotSource.PURCHASE,
        licenseId: null,
        paymentReference: `bench-pay-${index}-${payments++}`,
      },
      LedgerEntryKind.PURCHASE,
    );
  for (let k = 0; k < nPurchases; k++) {
    const at = k === 0 ? created + HOUR : between(rnd, created, now - DAY);
    purchase(at, k === 0 ? each * 2 : each);
  }

  // Replay: lots appear at their creation instant; each charge spends the
  // live lots in P12 order. A shortfall (the plan above is rough) becomes a
  // top-up purchase a minute before the charge, as a customer would do.
  const charges = planned
    .filter((p) => p.chargeAt !== null)
    .sort((x, y) => x.chargeAt! - y.chargeAt!);
  for (const p of planned) {
    const lic = licenses[p.licenseIdx]!;
    const { level } = priceFor(lic.terms.edition, lic.terms.hostingPlan, p.category);
    b.tickets.push(
      p.ticketId,
      accountId,
      lic.id,
      p.category,
      level,
      p.subject,
      p.chargeAt === null ? TicketStatus.OPEN : TicketStatus.CHARGED,
      p.min,
      p.max,
      iso(p.opened),
    );
  }
  for (const p of charges) {
    const t = p.chargeAt!;
    const at = new Date(t);
    const usable = () => lots.filter((l) => l.createdAt.getTime() <= t && isLive(l, at));
    let live = usable();
    let plan = allocate(
      live.map((l) => ({
        id: l.id,
        remaining: l.remaining,
        expiresAt: l.expiresAt,
        createdAt: l.createdAt,
      })),
      p.credits,
      at,
    );
    if (!plan.ok) {
      purchase(t - MINUTE, Math.max(200, Math.ceil((plan.shortfall * 3) / 10) * 10));
      b.topUps++;
      live = usable();
      plan = allocate(
        live.map((l) => ({
          id: l.id,
          remaining: l.remaining,
          expiresAt: l.expiresAt,
          createdAt: l.createdAt,
        })),
        p.credits,
        at,
      );
      if (!plan.ok) throw new Error('seed: top-up did not cover the charge');
    }
    const balance = live.reduce((s, l) => s + l.remaining, 0);
    const lic = licenses[p.licenseIdx]!;
    const chargeId = id(t);
    const balanceAfter = balance - p.credits;
    b.charges.push(
      chargeId,
      accountId,
      p.ticketId,
      p.credits,
      p.max === 0,
      balanceAfter,
      p.category,
      lic.terms.edition,
      lic.terms.hostingPlan,
      iso(t),
    );
    const byId = new Map(live.map((l) => [l.id, l]));
    for (const a of plan.allocations) {
      const lot = byId.get(a.lotId)!;
      lot.remaining -= a.credits;
      lot.spent += a.credits;
      b.allocations.push(accountId, chargeId, a.lotId, a.credits);
      entries.push({
        at: t,
        seq: seq++,
        lotId: a.lotId,
        kind: LedgerEntryKind.CHARGE,
        credits: -a.credits,
        ticketId: p.ticketId,
        chargeId,
      });
    }
    const message = statementMessage('CHARGE', p.subject, p.credits, balanceAfter);
    b.outbox.push(
      id(t),
      accountId,
      p.ticketId,
      chargeId,
      p.credits,
      balanceAfter,
      message,
      iso(t),
      iso(t + 30_000),
    );
  }

  // P19: the daily job recorded the expiry of every lot dead for over a day.
  for (const lot of lots) {
    if (!lot.expiresAt || lot.expiresAt.getTime() > now - DAY) continue;
    const at = Math.min(lot.expiresAt.getTime() + between(rnd, HOUR, 23 * HOUR), now - HOUR);
    lot.expired = lot.remaining;
    lot.remaining = 0;
    lot.expiryRecordedAt = new Date(at);
    entries.push({
      at,
      seq: seq++,
      lotId: lot.id,
      kind: LedgerEntryKind.EXPIRY,
      credits: -lot.expired,
      ticketId: null,
      chargeId: null,
    });
  }

  for (const l of lots) {
    b.lots.push(
      l.id,
      accountId,
      l.source,
      l.licenseId,
      l.paymentReference,
      l.original,
      l.remaining,
      l.spent,
      0,
      l.expired,
      l.createdAt.toISOString(),
      l.expiresAt?.toISOString() ?? null,
      l.expiryRecordedAt?.toISOString() ?? null,
    );
  }
  entries.sort((x, y) => x.at - y.at || x.seq - y.seq);
  for (const e of entries)
    b.ledger.push(accountId, e.lotId, e.kind, e.credits, e.ticketId, e.chargeId, iso(e.at));
}

function newBatch(): Batch {
  return {
    accounts: new Columns(4),
    licenses: new Columns(11),
    lots: new Columns(13),
    tickets: new Columns(10),
    charges: new Columns(10),
    allocations: new Columns(4),
    ledger: new Columns(7),
    outbox: new Columns(9),
    topUps: 0,
  };
}

/** Ticket counts per account: skewed (log-normal), summing to the total. */
function ticketShares(sizes: SeedSizes, seed: number): number[] {
  const rnd = mulberry32(seed);
  const weights = Array.from({ length: sizes.accounts }, () => {
    const u = Math.max(rnd(), 1e-9);
    const v = rnd();
    return Math.exp(0.8 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  });
  const sum = weights.reduce((s, x) => s + x, 0);
  return weights.map((x) => Math.max(1, Math.round((x / sum) * sizes.tickets)));
}

const LOADED_TABLES = [
  'accounts',
  'licenses',
  'credit_lots',
  'tickets',
  'charges',
  'allocations',
  'ledger_entries',
  'outbox',
];

/**
 * Drops the loaded tables' secondary indexes (those that back no constraint)
 * and returns a function that re-creates them from their own definitions:
 * building an index once is far cheaper than a million random inserts into
 * it. Primary keys stay: the foreign keys hang on them.
 */
async function dropSecondaryIndexes(pool: Pool): Promise<(workers: number) => Promise<void>> {
  const { rows } = await pool.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [LOADED_TABLES],
  );
  for (const r of rows) await pool.query(`DROP INDEX ${r.name}`);
  return async (workers) => {
    const queue = [...rows];
    await Promise.all(
      Array.from({ length: workers }, async () => {
        const client = await pool.connect();
        try {
          await client.query(`SET maintenance_work_mem = '256MB'`);
          for (let r = queue.shift(); r; r = queue.shift()) await client.query(r.def);
        } finally {
          client.release();
        }
      }),
    );
  };
}

export async function seed(
  pool: Pool,
  sizes: SeedSizes,
  opts: {
    seed: number;
    workers: number;
    onProgress?: (done: number, total: number) => void;
    /**
     * Which accounts of `sizes` to write (default all): a data set can grow
     * in steps, each adding the next accounts of the same full-size plan.
     */
    accounts?: { from: number; to: number };
  },
): Promise<
  SeedCounts & {
    fkChecks: boolean;
    simulateMs: number;
    waitMs: number;
    indexMs: number;
    rollupMs: number;
  }
> {
  const now = Date.now();
  const shares = ticketShares(sizes, opts.seed);
  const perBatch = 100;
  const counts: SeedCounts = {
    accounts: 0,
    licenses: 0,
    lots: 0,
    topUps: 0,
    tickets: 0,
    charges: 0,
    allocations: 0,
    ledgerEntries: 0,
    statements: 0,
  };
  let fkChecks = true;
  let simulateMs = 0;
  let waitMs = 0;

  // Bulk load: no synchronous WAL flush per batch, and (when we are a
  // superuser) no per-row foreign-key triggers; the data is consistent by
  // construction and the reconcile step checks the books afterwards.
  const recreateIndexes = await dropSecondaryIndexes(pool);
  const clients = await Promise.all(Array.from({ length: opts.workers }, () => pool.connect()));
  const inflight: Promise<void>[] = clients.map(() => Promise.resolve());
  try {
    for (const c of clients) {
      await c.query('SET synchronous_commit = off');
      await c.query('SET session_replication_role = replica').catch(() => undefined);
      const role = await c.query<{ session_replication_role: string }>(
        'SHOW session_replication_role',
      );
      fkChecks = role.rows[0]?.session_replication_role !== 'replica';
    }
    // A pipeline: while Postgres writes one batch (a single statement, so a
    // single round trip), this thread simulates the next one.
    const first = opts.accounts?.from ?? 0;
    const end = Math.min(sizes.accounts, opts.accounts?.to ?? sizes.accounts);
    for (let from = first, k = 0; from < end; from += perBatch, k++) {
      const to = Math.min(end, from + perBatch);
      const t0 = performance.now();
      const b = newBatch();
      for (let i = from; i < to; i++) simulateAccount(b, i, shares[i]!, opts.seed, now);
      const t1 = performance.now();
      simulateMs += t1 - t0;
      const slot = k % clients.length;
      await inflight[slot];
      waitMs += performance.now() - t1;
      const params = TABLES.flatMap((t) => b[t].cols);
      inflight[slot] = clients[slot]!.query(INSERT_ALL, params).then(() => {
        counts.accounts += b.accounts.rows;
        counts.licenses += b.licenses.rows;
        counts.lots += b.lots.rows;
        counts.topUps += b.topUps;
        counts.tickets += b.tickets.rows;
        counts.charges += b.charges.rows;
        counts.allocations += b.allocations.rows;
        counts.ledgerEntries += b.ledger.rows;
        counts.statements += b.outbox.rows;
        opts.onProgress?.(counts.accounts, end - first);
      });
    }
    const t2 = performance.now();
    await Promise.all(inflight);
    waitMs += performance.now() - t2;
  } finally {
    await Promise.allSettled(inflight);
    for (const c of clients) {
      await c.query('RESET session_replication_role').catch(() => undefined);
      c.release();
    }
  }
  const t = performance.now();
  await recreateIndexes(opts.workers);
  const indexMs = performance.now() - t;
  const rollupMs = await recountRollup(pool);
  return { ...counts, fkChecks, simulateMs, waitMs, indexMs, rollupMs };
}

/**
 * The load went past the charge rollup's triggers (replica role), so the
 * rollup is recounted from the rows in one statement: nothing else writes
 * during a seed, so the batched, lock-taking backfill of the migration is
 * not needed. A database migrated before the rollup existed has none.
 */
export async function recountRollup(pool: Pool): Promise<number> {
  const t = performance.now();
  const { rows } = await pool.query<{ t: string | null }>(
    `SELECT to_regclass('charge_rollup')::text AS t`,
  );
  if (!rows[0]?.t) return 0;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL work_mem = '256MB'`);
    await client.query(
      'TRUNCATE charge_rollup, charge_rollup_daily, charge_rollup_delta, charge_rollup_monthly',
    );
    await client.query('INSERT INTO charge_rollup SELECT * FROM charge_rollup_expected');
    await client.query(
      `INSERT INTO charge_rollup_daily
       SELECT day, category, edition, included, refunded, sum(charges), sum(credits), sum(refunded_credits)
         FROM charge_rollup GROUP BY 1, 2, 3, 4, 5`,
    );
    await client.query(
      `INSERT INTO charge_rollup_monthly
       SELECT date_trunc('month', day::timestamp)::date, category, edition, included, refunded,
              sum(charges), sum(credits), sum(refunded_credits)
         FROM charge_rollup_daily GROUP BY 1, 2, 3, 4, 5`,
    );
    await client.query('COMMIT');
    await client.query('ANALYZE charge_rollup');
    await client.query('ANALYZE charge_rollup_daily');
    await client.query('ANALYZE charge_rollup_monthly');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  return performance.now() - t;
}
