import { type Edition, type HostingPlan, SupportLevel, TicketCategory } from './enums';
import { type PlanKey, planKey } from './license-terms';

export interface PriceRange {
  min: number;
  max: number;
  included: boolean;
}

/** P8: a range of 0-0 is included support; every other range is charged. */
export const priceRange = (min: number, max: number): PriceRange => ({
  min,
  max,
  included: min === 0 && max === 0,
});

export type CostProblem = { min: number; max: number };

export interface CategoryRow {
  level: SupportLevel;
  title: string;
  description: string;
  prices: Record<PlanKey, { min: number; max: number }>;
}

type Cell = `${number}` | `${number}-${number}`;

// POLICY.md P8, one line per category, columns as on the page:
//   FREE+OWNED | LEASED | SAAS BASIC+STANDARD | SAAS PROFESSIONAL
// "10" is a fixed price, "20-30" a range with both ends allowed, "0" included.
const PRICE_COLUMNS: Record<TicketCategory, [1 | 2, Cell, Cell, Cell, Cell]> = {
  //                                  lvl  FREE,OWNED  LEASED    SAAS B,S  SAAS PRO
  [TicketCategory.GENERAL_ISSUE]: [1, '20-30', '0', '0', '0'],
  [TicketCategory.WARRANTY]: [1, '20-30', '0', '0', '0'],
  [TicketCategory.BUG_REPORT]: [1, '20-30', '0', '0', '0'],
  [TicketCategory.QUOTE_REQUEST]: [1, '20-30', '0', '0', '0'],
  [TicketCategory.FEATURE_DESCRIPTION]: [1, '20-30', '0', '0', '0'],
  [TicketCategory.SETUP]: [1, '30-45', '0', '0', '0'],
  [TicketCategory.DOMAIN_CHANGE]: [2, '10', '10', '10', '0'],
  [TicketCategory.SIMPLE_CUSTOMIZATION]: [2, '20-45', '20-45', '20-45', '0'],
  [TicketCategory.ROOT_CAUSE_ANALYSIS]: [2, '20-60', '20-60', '20-60', '0'],
  [TicketCategory.ROOT_CAUSE_DEBUGGING]: [2, '60-200', '60-200', '60-200', '0'],
  [TicketCategory.HOSTING_ISSUE]: [2, '20-60', '20-60', '20-60', '0'],
  [TicketCategory.EDITION_UPGRADE]: [2, '60', '60', '60', '0'],
  [TicketCategory.CLARIFICATION]: [2, '10-20', '10-20', '10-20', '0'],
};

// Names from POLICY.md's "page's name" column; descriptions are the page's
// own line under each heading, so customers read the vendor's words.
const CATEGORY_TEXT: Record<TicketCategory, { title: string; description: string }> = {
  [TicketCategory.GENERAL_ISSUE]: {
    title: 'General issues',
    description:
      'General questions, consultations regarding forums or Helpdesk usage, questions about Avactis Shopping Cart license policy, description of the services.',
  },
  [TicketCategory.WARRANTY]: {
    title: 'Warranty issues (30-day money back)',
    description: 'Questions regarding the 30-day money back guarantee.',
  },
  [TicketCategory.BUG_REPORT]: {
    title: 'Bug reports',
    description:
      'Questions or discussions of bug issues in the software. Bug fixes or new builds of the software are provided to the client free of charge. Patching or upgrading by Avactis staff is not free.',
  },
  [TicketCategory.QUOTE_REQUEST]: {
    title: 'Quote requests',
    description: 'Questions about service, project, or modification costs.',
  },
  [TicketCategory.FEATURE_DESCRIPTION]: {
    title: 'Description of features',
    description: 'Questions about Avactis Shopping Cart features and the features usage.',
  },
  [TicketCategory.SETUP]: {
    title: 'Setup (taxes and shipping modules)',
    description: 'Configuration of taxes and shipping modules after the software installation.',
  },
  [TicketCategory.DOMAIN_CHANGE]: {
    title: 'Licensed domain modification, license transfer',
    description: 'Changes of license URLs and personal license data.',
  },
  [TicketCategory.SIMPLE_CUSTOMIZATION]: {
    title: 'Simple customization and design',
    description:
      'Simple questions about Avactis templates and code modifications which could be resolved within 30 minutes.',
  },
  [TicketCategory.ROOT_CAUSE_ANALYSIS]: {
    title: 'Root-cause analysis',
    description:
      'Analysis of root causes of problems. Problems will be reviewed to determine their root causes, measures will be taken to correct the sources of the problems, and reports will be prepared and distributed.',
  },
  [TicketCategory.ROOT_CAUSE_DEBUGGING]: {
    title: 'Root-cause analysis with pro-active debugging',
    description:
      'Analysis of root causes of issues by using time-consuming code tests or server tests and time-consuming pro-active code debugging.',
  },
  [TicketCategory.HOSTING_ISSUE]: {
    title: 'Hosting or server side issues',
    description:
      'Problems with 3rd-party hosting servers. Issues with server mail systems, viruses, etc.',
  },
  [TicketCategory.EDITION_UPGRADE]: {
    title: 'Update of Free edition to Owned edition',
    description:
      'Update of Avactis Free edition to Avactis Owned edition (same version) after purchasing of a license.',
  },
  [TicketCategory.CLARIFICATION]: {
    title: 'Clarification of details',
    description: 'Time-consuming clarification or discussion of specific issue or task details.',
  },
};

function parseCell(cell: Cell): { min: number; max: number } {
  const m = /^(\d+)(?:-(\d+))?$/.exec(cell);
  if (!m || m[1] === undefined) throw new Error(`Bad price cell "${cell}".`);
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  // Fail at import time: a wrong table must never reach a customer's bill.
  if (max < min) throw new Error(`Bad price cell "${cell}": max below min.`);
  return { min, max };
}

function buildTable(): Record<TicketCategory, CategoryRow> {
  const out = {} as Record<TicketCategory, CategoryRow>;
  for (const category of Object.values(TicketCategory)) {
    const [lvl, freeOwned, leased, saasBasicStandard, saasPro] = PRICE_COLUMNS[category];
    out[category] = {
      level: lvl === 1 ? SupportLevel.LEVEL_1 : SupportLevel.LEVEL_2,
      ...CATEGORY_TEXT[category],
      prices: {
        FREE: parseCell(freeOwned),
        OWNED: parseCell(freeOwned),
        LEASED: parseCell(leased),
        SAAS_BASIC: parseCell(saasBasicStandard),
        SAAS_STANDARD: parseCell(saasBasicStandard),
        SAAS_PROFESSIONAL: parseCell(saasPro),
      },
    };
  }
  return out;
}

export const CATEGORY_TABLE: Record<TicketCategory, CategoryRow> = buildTable();

export function priceFor(
  edition: Edition,
  hostingPlan: HostingPlan | null,
  category: TicketCategory,
): { level: SupportLevel; price: PriceRange } {
  const row = CATEGORY_TABLE[category];
  if (!row) throw new RangeError(`Unknown ticket category ${String(category)}.`);
  const { min, max } = row.prices[planKey(edition, hostingPlan)];
  return { level: row.level, price: priceRange(min, max) };
}

// P10: the specialist's figure must be a whole number inside the range, both
// ends allowed; the problem carries the range so the error can name it.
export function checkCost(price: PriceRange, credits: number): CostProblem | null {
  if (Number.isSafeInteger(credits) && credits >= price.min && credits <= price.max) {
    return null;
  }
  return { min: price.min, max: price.max };
}
