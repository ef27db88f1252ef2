import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { SupportLevel, TicketCategory } from '../gql/graphql';

// Category titles, levels and descriptions are the gateway's (`pricing`), so
// the dashboard never keeps a second copy that can drift from the price table.

const CategoryTitlesQuery = graphql(`
  query CategoryTitles {
    pricing {
      categories {
        category
        level
        title
        description
      }
    }
  }
`);

export interface CategoryInfo {
  category: TicketCategory;
  level: SupportLevel;
  title: string;
  description: string;
}

export interface PricingTitles {
  /** In the policy's order. */
  categories: readonly CategoryInfo[];
  categoryTitle: (c: TicketCategory) => string;
  category: (c: TicketCategory) => CategoryInfo | undefined;
}

/** Null until the gateway answers (once per session: the cache keeps it). */
export function usePricing(): PricingTitles | null {
  const { data } = useQuery(CategoryTitlesQuery, { fetchPolicy: 'cache-first' });
  const categories = data?.pricing.categories;
  return useMemo(() => {
    if (!categories) return null;
    const byId = new Map(categories.map((c) => [c.category, c]));
    return {
      categories,
      category: (c) => byId.get(c),
      categoryTitle: (c) => byId.get(c)?.title ?? c,
    };
  }, [categories]);
}
