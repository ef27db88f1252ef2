import { Authorized, Query, Resolver } from 'type-graphql';
import { Permission, rolesWith } from '../common/viewer';
import { Edition, HostingPlan, TicketCategory } from '../policy/enums';
import { DISCOUNT_RULE, GRANT_TABLE, GRANT_VALIDITY_MONTHS } from '../policy/grants';
import { PLAN_KEYS, type PlanKey } from '../policy/license-terms';
import { CATEGORY_TABLE, priceRange } from '../policy/prices';
import { Pricing } from './pricing.type';

const PLAN_OF: Record<PlanKey, { edition: Edition; hostingPlan: HostingPlan | null }> = {
  FREE: { edition: Edition.FREE, hostingPlan: null },
  LEASED: { edition: Edition.LEASED, hostingPlan: null },
  OWNED: { edition: Edition.OWNED, hostingPlan: null },
  SAAS_BASIC: { edition: Edition.SAAS, hostingPlan: HostingPlan.BASIC },
  SAAS_STANDARD: { edition: Edition.SAAS, hostingPlan: HostingPlan.STANDARD },
  SAAS_PROFESSIONAL: { edition: Edition.SAAS, hostingPlan: HostingPlan.PROFESSIONAL },
};

// Straight from policy/: the dashboard shows the very tables the gateway
// charges by, never a copy of its own.
export const pricing: Pricing = {
  categories: (Object.values(TicketCategory) as TicketCategory[]).map((category) => {
    const row = CATEGORY_TABLE[category];
    return {
      category,
      level: row.level,
      title: row.title,
      description: row.description,
      prices: PLAN_KEYS.map((key) => {
        const { min, max } = row.prices[key];
        return { ...PLAN_OF[key], price: priceRange(min, max) };
      }),
    };
  }),
  grants: PLAN_KEYS.map((key) => ({ ...PLAN_OF[key], ...GRANT_TABLE[key] })),
  discountRule: {
    editions: [...DISCOUNT_RULE.editions],
    maxDiscountPercent: DISCOUNT_RULE.maxDiscountPercent,
  },
  grantValidityMonths: GRANT_VALIDITY_MONTHS,
};

@Resolver()
export class PricingResolver {
  @Authorized(rolesWith(Permission.READ))
  @Query(() => Pricing)
  pricing(): Pricing {
    return pricing;
  }
}
