// A small, independent in-memory model of the credit policy (POLICY.md P1-P20),
// written from the policy text and NOT from src/policy, so that the property
// test in ledger-model.property.test.ts compares two separate readings of the
// rules. Keep it dumb and obvious: correctness over speed.

export type PlanKey =
  'FREE' | 'LEASED' | 'OWNED' | 'SAAS_BASIC' | 'SAAS_STANDARD' | 'SAAS_PROFESSIONAL';

export const PLAN_KEYS: readonly PlanKey[] = [
  'FREE',
  'LEASED',
  'OWNED',
  'SAAS_BASIC',
  'SAAS_STANDARD',
  'SAAS_PROFESSIONAL',
];

export function editionOf(plan: PlanKey): {
  edition: 'FREE' | 'LEASED' | 'OWNED' | 'SAAS';
  hostingPlan: 'BASIC' | 'STANDARD' | 'PROFESSIONAL' | null;
} {
  switch (plan) {
    case 'SAAS_BASIC':
      return { edition: 'SAAS', hostingPlan: 'BASIC' };
    case 'SAAS_STANDARD':
      return { edition: 'SAAS', hostingPlan: 'STANDARD' };
    case 'SAAS_PROFESSIONAL':
      return { edition: 'SAAS', hostingPlan: 'PROFESSIONAL' };
    default:
      return { edition: plan, hostingPlan: null };
  }
}

/** P1 table, by hand. */
const GRANT_CREDITS: Record<PlanKey, number> = {
  FREE: 0,
  LEASED: 50,
  OWNED: 200,
  SAAS_BASIC: 50,
  SAAS_STANDARD: 200,
  SAAS_PROFESSIONAL: 0,
};

/** P1 + P2: whole-number comparison, Owned only. */
export function modelGrant(plan: PlanKey, listPriceCents: number, paidPriceCents: number): number {
  if (plan === 'OWNED' && paidPriceCents * 100 < listPriceCents * 80) return 0;
  return GRANT_CREDITS[plan];
}

export const CATEGORIES = [
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
] as const;
export type Category = (typeof CATEGORIES)[number];

type Range = [number, number];
// P8 table, by hand: [Level, FREE+OWNED, LEASED, SAAS BASIC+STANDARD, SAAS PROFESSIONAL].
const PRICES: Record<Category, [Range, Range, Range, Range]> = {
  GENERAL_ISSUE: [
    [20, 30],
    [0, 0],
    [0, 0],
    [0, 0],
  ],
  WARRANTY: [
    [20, 30],
    [0, 0],
    [0, 0],
    [0, 0],
  ],
  BUG_REPORT: [
    [20, 30],
    [0, 0],
    [0, 0],
    [0, 0],
  ],
  QUOTE_REQUEST: [
    [20, 30],
    [0, 0],
    [0, 0],
    [0, 0],
  ],
  FEATURE_DESCRIPTION: [
    [20, 30],
    [0, 0],
    [0, 0],
    [0, 0],
  ],
  SETUP: [
    [30, 45],
    [0, 0],
    [0, 0],
    [0, 0],
  ],
  DOMAIN_CHANGE: [
    [10, 10],
    [10, 10],
    [10, 10],
    [0, 0],
  ],
  SIMPLE_CUSTOMIZATION: [
    [20, 45],
    [20, 45],
    [20, 45],
    [0, 0],
  ],
  ROOT_CAUSE_ANALYSIS: [
    [20, 60],
    [20, 60],
    [20, 60],
    [0, 0],
  ],
  ROOT_CAUSE_DEBUGGING: [
    [60, 200],
    [60, 200],
    [60, 200],
    [0, 0],
  ],
  HOSTING_ISSUE: [
    [20, 60],
    [20, 60],
    [20, 60],
    [0, 0],
  ],
  EDITION_UPGRADE: [
    [60, 60],
    [60, 60],
    [60, 60],
    [0, 0],
  ],
  CLARIFICATION: [
    [10, 20],
    [10, 20],
    [10, 20],
    [0, 0],
  ],
};

export function modelPrice(plan: PlanKey, category: Category): { min: number; max: number } {
  const row = PRICES[category];
  const col =
    plan === 'FREE' || plan === 'OWNED'
      ? 0
      : plan === 'LEASED'
        ? 1
        : plan === 'SAAS_PROFESSIONAL'
          ? 3
          : 2;
  const [min, max] = row[col];
  return { min, max };
}

/** P3: calendar months in UTC, the day clamped to the target month's last day. */
export function plusMonthsUtc(d: Date, months: number): Date {
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(d.getUTCDate(), lastDay),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
}

export interface ModelLot {
  id: string;
  source: 'LICENSE_GRANT' | 'PURCHASE' | 'REFUND';
  original: number;
  remaining: number;
  /** epoch ms; null never expires. */
  expiresAt: number | null;
  /** creation order: ties on expiry go to the older lot. */
  seq: number;
  expiryRecorded: boolean;
}

export interface ModelTicket {
  id: string;
  min: number;
  max: number;
  status: 'OPEN' | 'CHARGED' | 'REFUNDED';
  charge: {
    id: string | null;
    credits: number;
    draws: { lotId: string; credits: number }[];
  } | null;
}

export type Refusal = { code: string; [figure: string]: unknown };

export type ChargeOutcome =
  | {
      ok: true;
      credits: number;
      included: boolean;
      balanceAfter: number;
      allocations: { lotId: string; credits: number }[];
    }
  | { ok: false; refusal: Refusal };

export type RefundOutcome =
  | {
      ok: true;
      credits: number;
      balanceAfter: number;
      backToLots: { lotId: string; credits: number }[];
      toNewLot: number;
    }
  | { ok: false; refusal: Refusal };

export class LedgerModel {
  readonly lots = new Map<string, ModelLot>();
  readonly tickets = new Map<string, ModelTicket>();
  readonly payments = new Map<string, { lotId: string; credits: number }>();
  private seq = 0;

  static live(lot: ModelLot, at: number): boolean {
    return lot.expiresAt === null || lot.expiresAt > at;
  }

  balance(at: number): number {
    let sum = 0;
    for (const lot of this.lots.values()) if (LedgerModel.live(lot, at)) sum += lot.remaining;
    return sum;
  }

  /** P1-P5: a grant of 0 opens no lot. */
  grant(lotId: string | null, credits: number, expiresAt: number): void {
    if (credits === 0) {
      if (lotId !== null)
        throw new Error(`model: a 0-credit grant must open no lot, server opened ${lotId}`);
      return;
    }
    if (lotId === null)
      throw new Error(`model: a ${credits}-credit grant must open a lot, server opened none`);
    this.addLot(lotId, 'LICENSE_GRANT', credits, expiresAt);
  }

  /** P6/P7: returns the lot id the payment is (or already was) recorded as, or a refusal. */
  purchase(
    ref: string,
    credits: number,
    newLotId: string,
  ): { lotId: string } | { refusal: Refusal } {
    const previous = this.payments.get(ref);
    if (previous) {
      if (previous.credits !== credits) return { refusal: { code: 'IDEMPOTENCY_CONFLICT' } };
      return { lotId: previous.lotId };
    }
    this.addLot(newLotId, 'PURCHASE', credits, null);
    this.payments.set(ref, { lotId: newLotId, credits });
    return { lotId: newLotId };
  }

  openTicket(id: string, range: { min: number; max: number }): void {
    this.tickets.set(id, { id, ...range, status: 'OPEN', charge: null });
  }

  /** P9-P14 at instant `at`. */
  charge(ticketId: string, credits: number, at: number): ChargeOutcome {
    const t = this.tickets.get(ticketId);
    if (!t) throw new Error(`model: unknown ticket ${ticketId}`);
    if (t.charge)
      return { ok: false, refusal: { code: 'TICKET_ALREADY_CHARGED', chargeId: t.charge.id } };
    if (!Number.isInteger(credits) || credits < t.min || credits > t.max) {
      return { ok: false, refusal: { code: 'COST_OUT_OF_RANGE', min: t.min, max: t.max } };
    }
    const balance = this.balance(at);
    if (balance < credits) {
      return {
        ok: false,
        refusal: {
          code: 'INSUFFICIENT_CREDITS',
          balance,
          required: credits,
          shortfall: credits - balance,
        },
      };
    }
    const usable = [...this.lots.values()]
      .filter((l) => l.remaining > 0 && LedgerModel.live(l, at))
      .sort((a, b) => {
        const ea = a.expiresAt ?? Number.POSITIVE_INFINITY;
        const eb = b.expiresAt ?? Number.POSITIVE_INFINITY;
        return ea !== eb ? ea - eb : a.seq - b.seq;
      });
    const draws: { lotId: string; credits: number }[] = [];
    let left = credits;
    for (const lot of usable) {
      if (left === 0) break;
      const take = Math.min(left, lot.remaining);
      lot.remaining -= take;
      left -= take;
      draws.push({ lotId: lot.id, credits: take });
    }
    t.status = 'CHARGED';
    t.charge = { id: null, credits, draws };
    return {
      ok: true,
      credits,
      included: t.max === 0,
      balanceAfter: balance - credits,
      allocations: draws,
    };
  }

  setChargeId(ticketId: string, chargeId: string): void {
    const t = this.tickets.get(ticketId);
    if (t?.charge) t.charge.id = chargeId;
  }

  /** P15-P17 at instant `at`. `newLotId` is the id the server gave the refund lot, if it opened one. */
  refund(ticketId: string, at: number, newLotId: string | null): RefundOutcome {
    const t = this.tickets.get(ticketId);
    if (!t) throw new Error(`model: unknown ticket ${ticketId}`);
    if (!t.charge) return { ok: false, refusal: { code: 'TICKET_NOT_CHARGED' } };
    if (t.status === 'REFUNDED') return { ok: false, refusal: { code: 'ALREADY_REFUNDED' } };
    if (t.charge.credits === 0) return { ok: false, refusal: { code: 'NOTHING_TO_REFUND' } };
    const before = this.balance(at);
    const back = new Map<string, number>();
    let toNewLot = 0;
    for (const d of t.charge.draws) {
      const lot = this.lots.get(d.lotId)!;
      if (LedgerModel.live(lot, at)) back.set(lot.id, (back.get(lot.id) ?? 0) + d.credits);
      else toNewLot += d.credits;
    }
    for (const [lotId, credits] of back) this.lots.get(lotId)!.remaining += credits;
    if (toNewLot > 0) {
      if (newLotId === null)
        throw new Error(
          `model: ${toNewLot} credits must come back as a new lot, server opened none`,
        );
      this.addLot(newLotId, 'REFUND', toNewLot, null);
    } else if (newLotId !== null) {
      throw new Error(`model: no credits need a new lot, but the server opened ${newLotId}`);
    }
    t.status = 'REFUNDED';
    return {
      ok: true,
      credits: t.charge.credits,
      balanceAfter: before + t.charge.credits,
      backToLots: [...back].map(([lotId, credits]) => ({ lotId, credits })),
      toNewLot,
    };
  }

  /** P19: records every lot dead at `asOf`; returns how many of this model's lots. */
  expire(asOf: number): number {
    let n = 0;
    for (const lot of this.lots.values()) {
      if (lot.expiresAt !== null && lot.expiresAt <= asOf && !lot.expiryRecorded) {
        lot.expiryRecorded = true;
        lot.remaining = 0;
        n++;
      }
    }
    return n;
  }

  /** What `creditLots(includeExpired: true)` should show at `at`, sorted by id. */
  lotView(at: number): {
    id: string;
    source: string;
    originalCredits: number;
    remainingCredits: number;
    expiresAt: string | null;
    expired: boolean;
  }[] {
    return [...this.lots.values()]
      .map((l) => ({
        id: l.id,
        source: l.source,
        originalCredits: l.original,
        remainingCredits: l.remaining,
        expiresAt: l.expiresAt === null ? null : new Date(l.expiresAt).toISOString(),
        expired: !LedgerModel.live(l, at),
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  ticketView(): { id: string; status: string }[] {
    return [...this.tickets.values()]
      .map((t) => ({ id: t.id, status: t.status }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private addLot(
    id: string,
    source: ModelLot['source'],
    credits: number,
    expiresAt: number | null,
  ): void {
    if (this.lots.has(id)) throw new Error(`model: lot ${id} opened twice`);
    this.lots.set(id, {
      id,
      source,
      original: credits,
      remaining: credits,
      expiresAt,
      seq: ++this.seq,
      expiryRecorded: false,
    });
  }
}
