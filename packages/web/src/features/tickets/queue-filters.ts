import type {
  Edition,
  SupportLevel,
  TicketCategory,
  TicketFilter,
  TicketStatus,
} from '../../gql/graphql';
import { EDITIONS, TICKET_CATEGORIES } from '../../shared/labels';

// The queue's filter as it lives in the URL, so a view can be linked:
// /tickets?status=OPEN&category=SETUP,BUG_REPORT&level=LEVEL_2&edition=OWNED&account=<id>&openedBy=<key id>&age=7d

export type StatusChoice = TicketStatus | 'ALL';
export const STATUS_CHOICES: readonly StatusChoice[] = ['OPEN', 'CHARGED', 'REFUNDED', 'ALL'];
export const LEVELS: readonly SupportLevel[] = ['LEVEL_1', 'LEVEL_2'];

/** How old a ticket is: opened within the last day or week, or waiting longer than a week or a month. */
export type AgeChoice = '' | '1d' | '7d' | 'over7d' | 'over30d';
export const AGE_CHOICES: readonly { value: AgeChoice; label: string }[] = [
  { value: '', label: 'Any age' },
  { value: '1d', label: 'Opened in the last 24 hours' },
  { value: '7d', label: 'Opened in the last 7 days' },
  { value: 'over7d', label: 'Older than 7 days' },
  { value: 'over30d', label: 'Older than 30 days' },
];

export interface QueueFilterState {
  status: StatusChoice;
  categories: TicketCategory[];
  levels: SupportLevel[];
  editions: Edition[];
  account: string;
  openedBy: string;
  age: AgeChoice;
}

/** The desk's day starts with what waits to be charged. */
export const DEFAULT_QUEUE: QueueFilterState = {
  status: 'OPEN',
  categories: [],
  levels: [],
  editions: [],
  account: '',
  openedBy: '',
  age: '',
};

function list<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  const wanted = new Set(raw.split(',').map((s) => s.trim()));
  return allowed.filter((v) => wanted.has(v));
}

export function readQueue(params: URLSearchParams): QueueFilterState {
  const status = params.get('status') as StatusChoice | null;
  const age = params.get('age') as AgeChoice | null;
  return {
    status: status && STATUS_CHOICES.includes(status) ? status : DEFAULT_QUEUE.status,
    categories: list(params.get('category'), TICKET_CATEGORIES),
    levels: list(params.get('level'), LEVELS),
    editions: list(params.get('edition'), EDITIONS),
    account: (params.get('account') ?? '').trim(),
    openedBy: (params.get('openedBy') ?? '').trim(),
    age: AGE_CHOICES.some((a) => a.value === age) ? (age ?? '') : '',
  };
}

export function writeQueue(s: QueueFilterState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.status !== DEFAULT_QUEUE.status) p.set('status', s.status);
  if (s.categories.length)
    p.set('category', list(s.categories.join(','), TICKET_CATEGORIES).join(','));
  if (s.levels.length) p.set('level', list(s.levels.join(','), LEVELS).join(','));
  if (s.editions.length) p.set('edition', list(s.editions.join(','), EDITIONS).join(','));
  if (s.account) p.set('account', s.account);
  if (s.openedBy) p.set('openedBy', s.openedBy);
  if (s.age) p.set('age', s.age);
  return p;
}

const HOUR = 3_600_000;
const AGE_MS: Record<Exclude<AgeChoice, ''>, number> = {
  '1d': 24 * HOUR,
  '7d': 7 * 24 * HOUR,
  over7d: 7 * 24 * HOUR,
  over30d: 30 * 24 * HOUR,
};

/**
 * The API's TicketFilter, without the status (the tabs' counts share it).
 * `now` is taken once per filter change, so the variables stay put between renders.
 */
export function toTicketFilter(s: QueueFilterState, now: Date): TicketFilter {
  const f: TicketFilter = {};
  if (s.categories.length) f.categories = [...s.categories];
  if (s.levels.length) f.levels = [...s.levels];
  if (s.editions.length) f.editions = [...s.editions];
  if (s.account) f.accountId = s.account;
  if (s.openedBy) f.openedBy = s.openedBy;
  if (s.age) {
    // Whole minutes, so two renders a few ms apart ask the same question.
    const at = new Date(
      Math.floor((now.getTime() - AGE_MS[s.age]) / 60_000) * 60_000,
    ).toISOString();
    if (s.age === '1d' || s.age === '7d') f.openedAfter = at;
    else f.openedBefore = at;
  }
  return f;
}

export function withStatus(f: TicketFilter, status: StatusChoice): TicketFilter {
  return status === 'ALL' ? f : { ...f, status };
}

/** "5 min", "3 h", "2 d": how long a ticket has waited. */
export function formatAge(iso: string, now: Date = new Date()): string {
  const ms = Math.max(0, now.getTime() - new Date(iso).getTime());
  const min = Math.floor(ms / 60_000);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h`;
  return `${Math.floor(h / 24)} d`;
}
