import { Edition, HostingPlan } from './enums';

export interface LicenseTerms {
  edition: Edition;
  hostingPlan: HostingPlan | null;
  listPriceCents: number;
  paidPriceCents: number;
}

export type TermsProblem = {
  field: 'hostingPlan' | 'listPriceCents' | 'paidPriceCents';
  message: string;
};

// The grant and price tables have one column per plan key; a SaaS license is
// only meaningful together with its hosting plan.
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

// Prices land in a Postgres `integer` column; anything above would fail there
// with a far less helpful error.
export const MAX_PRICE_CENTS = 2_147_483_647;

export const EDITION_NAMES: Record<Edition, string> = {
  [Edition.FREE]: 'Free',
  [Edition.LEASED]: 'Leased',
  [Edition.OWNED]: 'Owned',
  [Edition.SAAS]: 'SaaS',
};

export const HOSTING_PLAN_NAMES: Record<HostingPlan, string> = {
  [HostingPlan.BASIC]: 'Basic',
  [HostingPlan.STANDARD]: 'Standard',
  [HostingPlan.PROFESSIONAL]: 'Professional',
};

function withArticle(word: string): string {
  return /^[AEIOU]/.test(word) ? `an ${word}` : `a ${word}`;
}

function priceProblem(
  field: 'listPriceCents' | 'paidPriceCents',
  value: number,
): TermsProblem | null {
  const what = field === 'listPriceCents' ? 'The list price' : 'The price paid';
  if (!Number.isSafeInteger(value)) {
    return { field, message: `${what} must be a whole number of cents.` };
  }
  if (value < 0) {
    return { field, message: `${what} cannot be negative.` };
  }
  if (value > MAX_PRICE_CENTS) {
    return {
      field,
      message: `${what} cannot exceed ${MAX_PRICE_CENTS} cents.`,
    };
  }
  return null;
}

// Returns the first problem only: forms show one message per submit, and the
// checks are ordered so that the first one is the one to fix first.
export function checkLicenseTerms(t: LicenseTerms): TermsProblem | null {
  if (t.edition === Edition.SAAS && t.hostingPlan === null) {
    return {
      field: 'hostingPlan',
      message: 'A SaaS license needs a hosting plan (Basic, Standard or Professional).',
    };
  }
  if (t.edition !== Edition.SAAS && t.hostingPlan !== null) {
    return {
      field: 'hostingPlan',
      message: `Only SaaS licenses have a hosting plan; ${withArticle(EDITION_NAMES[t.edition])} license must not have one.`,
    };
  }
  const listProblem = priceProblem('listPriceCents', t.listPriceCents);
  if (listProblem) return listProblem;
  const paidProblem = priceProblem('paidPriceCents', t.paidPriceCents);
  if (paidProblem) return paidProblem;
  if (t.paidPriceCents > t.listPriceCents) {
    return {
      field: 'paidPriceCents',
      message: 'The price paid cannot be above the list price.',
    };
  }
  return null;
}

export function planKey(edition: Edition, hostingPlan: HostingPlan | null): PlanKey {
  if (edition === Edition.SAAS) {
    switch (hostingPlan) {
      case HostingPlan.BASIC:
        return 'SAAS_BASIC';
      case HostingPlan.STANDARD:
        return 'SAAS_STANDARD';
      case HostingPlan.PROFESSIONAL:
        return 'SAAS_PROFESSIONAL';
      default:
        throw new RangeError(`A SaaS license needs a hosting plan, got ${String(hostingPlan)}.`);
    }
  }
  if (hostingPlan !== null) {
    throw new RangeError(`A ${edition} license cannot have hosting plan ${hostingPlan}.`);
  }
  switch (edition) {
    case Edition.FREE:
      return 'FREE';
    case Edition.LEASED:
      return 'LEASED';
    case Edition.OWNED:
      return 'OWNED';
    default:
      throw new RangeError(`Unknown edition ${String(edition)}.`);
  }
}

export function planName(key: PlanKey): string {
  switch (key) {
    case 'FREE':
    case 'LEASED':
    case 'OWNED':
      return `${EDITION_NAMES[key as Edition]} edition`;
    case 'SAAS_BASIC':
      return 'SaaS Basic plan';
    case 'SAAS_STANDARD':
      return 'SaaS Standard plan';
    case 'SAAS_PROFESSIONAL':
      return 'SaaS Professional plan';
  }
}
