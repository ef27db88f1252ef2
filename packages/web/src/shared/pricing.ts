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
  categoryTitle: (c: string) => string;
  category: (c: TicketCategory) => CategoryInfo | undefined;
}

/** The enum spelled out, only until the gateway's titles arrive: ROOT_CAUSE_ANALYSIS -> "Root cause analysis". */
function spelledOut(c: string): string {
  const words = c.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A category's title from the API (`pricing`), for components that show one. */
export function useCategoryTitle(): (c: string) => string {
  const pricing = usePricing();
  return pricing ? pricing.categoryTitle : spelledOut;
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
      categoryTitle: (c) => byId.get(c as TicketCategory)?.title ?? spelledOut(c),
    };
  }, [categories]);
}
