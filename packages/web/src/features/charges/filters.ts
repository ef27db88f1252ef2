import type { ChargeFilter, Edition, TicketCategory } from '../../gql/graphql';
import { dateInputToIso, dateInputToNextDayIso } from '../../shared/format';
import { EDITIONS, TICKET_CATEGORIES } from '../../shared/labels';

/** The charge filter as it lives in the URL: ?from=2025-01-01&to=…&category=A,B&edition=…&included=true&refunded=false&account=… */
export interface ChargeFilterState {
  from: string;
  to: string;
  categories: TicketCategory[];
  editions: Edition[];
  included: '' | 'true' | 'false';
  refunded: '' | 'true' | 'false';
  account: string;
}

export const EMPTY_FILTERS: ChargeFilterState = {
  from: '',
  to: '',
  categories: [],
  editions: [],
  included: '',
  refunded: '',
  account: '',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function list<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  const wanted = new Set(raw.split(',').map((s) => s.trim()));
  // Keep the canonical order so equal filters give equal URLs and cache keys.
  return allowed.filter((v) => wanted.has(v));
}

function bool(raw: string | null): '' | 'true' | 'false' {
  return raw === 'true' || raw === 'false' ? raw : '';
}

export function readFilters(params: URLSearchParams): ChargeFilterState {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
    categories: list(params.get('category'), TICKET_CATEGORIES),
    editions: list(params.get('edition'), EDITIONS),
    included: bool(params.get('included')),
    refunded: bool(params.get('refunded')),
    account: (params.get('account') ?? '').trim(),
  };
}

export function writeFilters(s: ChargeFilterState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.categories.length)
    p.set('category', list(s.categories.join(','), TICKET_CATEGORIES).join(','));
  if (s.editions.length) p.set('edition', list(s.editions.join(','), EDITIONS).join(','));
  if (s.included) p.set('included', s.included);
  if (s.refunded) p.set('refunded', s.refunded);
  if (s.account.trim()) p.set('account', s.account.trim());
  return p;
}

export function isEmptyFilter(s: ChargeFilterState): boolean {
  return writeFilters(s).toString() === '';
}

/** The API's ChargeFilter. Days are UTC; `to` is exclusive there, so it is the next day's midnight. */
export function toChargeFilter(s: ChargeFilterState): ChargeFilter {
  const f: ChargeFilter = {};
  const from = s.from ? dateInputToIso(s.from) : null;
  const to = s.to ? dateInputToNextDayIso(s.to) : null;
  if (from) f.from = from;
  if (to) f.to = to;
  if (s.categories.length) f.categories = [...s.categories];
  if (s.editions.length) f.editions = [...s.editions];
  if (s.included) f.included = s.included === 'true';
  if (s.refunded) f.refunded = s.refunded === 'true';
  if (s.account) f.accountId = s.account;
  return f;
}

/** "charges_2025-01-01_to_2025-03-31.csv", "charges_all.csv" */
export function csvFileName(s: ChargeFilterState): string {
  const parts = ['charges'];
  if (s.from || s.to) parts.push(`${s.from || 'start'}_to_${s.to || 'now'}`);
  if (s.account) parts.push(`account-${s.account.replace(/[^A-Za-z0-9_-]/g, '')}`);
  if (parts.length === 1) parts.push(isEmptyFilter(s) ? 'all' : 'filtered');
  else if (s.categories.length || s.editions.length || s.included || s.refunded)
    parts.push('filtered');
  return `${parts.join('_')}.csv`;
}
