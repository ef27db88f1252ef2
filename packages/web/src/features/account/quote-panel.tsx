import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { TicketCategory } from '../../gql/graphql';
import { ErrorNotice } from '../../shared/error-notice';
import { formatCredits, formatRange } from '../../shared/format';
import { levelLabel } from '../../shared/labels';

const QuoteQuery = graphql(`
  query Quote($licenseId: ID!, $category: TicketCategory!) {
    quote(licenseId: $licenseId, category: $category) {
      category
      level
      balance
      sufficient
      price {
        min
        max
        included
      }
      license {
        id
      }
    }
  }
`);

/** What a ticket would cost before it is opened: range, included, balance sufficient (P8-P10). */
export function QuotePanel({
  licenseId,
  category,
}: {
  licenseId: string;
  category: TicketCategory | '';
}) {
  const ready = Boolean(licenseId && category);
  const { data, error, loading } = useQuery(QuoteQuery, {
    variables: ready ? { licenseId, category: category as TicketCategory } : (undefined as never),
    skip: !ready,
    fetchPolicy: 'network-only',
  });
  if (!ready) {
    return (
      <aside className="preview preview-empty" aria-label="Quote" aria-live="polite">
        <p className="preview-title">Quote</p>
        <p className="muted small">
          Pick the license and the category to see the price range and whether the balance covers
          it.
        </p>
      </aside>
    );
  }
  const q = data?.quote;
  return (
    <aside className="preview" aria-label="Quote" aria-live="polite" aria-busy={loading}>
      <p className="preview-title">Quote</p>
      {error ? (
        <ErrorNotice error={error} compact />
      ) : !q ? (
        <p className="muted small">Asking the gateway…</p>
      ) : (
        <>
          <p className="preview-credits" data-testid="quote-price">
            {formatRange(q.price)}
          </p>
          <p className="muted small">{levelLabel(q.level)}</p>
          {q.price.included ? (
            <p className="notice notice-success small">
              Included with this license: it will be recorded as a 0-credit charge.
            </p>
          ) : q.sufficient ? (
            <p className="notice notice-success small">
              The balance of {formatCredits(q.balance)} covers the top of the range.
            </p>
          ) : (
            <p className="notice notice-warning small">
              The balance of {formatCredits(q.balance)} does not cover the top of the range (
              {formatCredits(q.price.max)}). The ticket can be opened; charging it may need a
              purchase first.
            </p>
          )}
        </>
      )}
    </aside>
  );
}
