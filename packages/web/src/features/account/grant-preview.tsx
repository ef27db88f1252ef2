import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { GrantPreviewInput } from '../../gql/graphql';
import { ErrorNotice } from '../../shared/error-notice';
import {
  addMonthsIso,
  discountBasisPoints,
  formatBasisPoints,
  formatCents,
  formatCredits,
  formatDate,
} from '../../shared/format';
import { levelsLabel } from '../../shared/labels';
import { useDebouncedValue } from '../../shared/use-debounced-value';

export const GrantPreviewQuery = graphql(`
  query GrantPreview($input: GrantPreviewInput!) {
    grantPreview(input: $input) {
      credits
      note
      includedLevels
    }
    pricing {
      grantValidityMonths
    }
  }
`);

interface GrantPreviewProps {
  /** Null while the form lacks an edition (and plan) or a valid price. */
  input: GrantPreviewInput | null;
  /** ISO instant of the order date, for the expiry line. */
  orderDate: string | null;
  debounceMs?: number;
}

/** What the license will grant, as the server decides it, before it is saved (P1, P2, P5). */
export function GrantPreview({ input, orderDate, debounceMs = 300 }: GrantPreviewProps) {
  const settled = useDebouncedValue(input, debounceMs);
  const pending = JSON.stringify(settled) !== JSON.stringify(input);
  const { data, previousData, error, loading } = useQuery(GrantPreviewQuery, {
    variables: settled ? { input: settled } : (undefined as never),
    skip: !settled,
    fetchPolicy: 'cache-first',
  });

  if (!input) {
    return (
      <aside className="preview preview-empty" aria-label="Grant preview" aria-live="polite">
        <p className="preview-title">Grant preview</p>
        <p className="muted small">
          Choose the edition and enter both prices to see how many credits this license grants, and
          why.
        </p>
      </aside>
    );
  }

  const shown = data ?? previousData;
  const bp = discountBasisPoints(input.listPriceCents, input.paidPriceCents);
  const updating = pending || loading;

  return (
    <aside
      className={`preview${updating ? ' preview-updating' : ''}`}
      aria-label="Grant preview"
      aria-live="polite"
      aria-busy={updating}
    >
      <p className="preview-title">Grant preview</p>
      {error ? (
        <ErrorNotice error={error} compact />
      ) : !shown ? (
        <p className="muted small">Working out the grant…</p>
      ) : (
        <>
          <p className="preview-credits" data-testid="grant-credits">
            {formatCredits(shown.grantPreview.credits)}
          </p>
          <p className="preview-note" data-testid="grant-note">
            {shown.grantPreview.note}
          </p>
          <dl className="meta-list small">
            <div>
              <dt>Included support</dt>
              <dd>{levelsLabel(shown.grantPreview.includedLevels)}</dd>
            </div>
            <div>
              <dt>Discount</dt>
              <dd>
                {bp === null
                  ? 'No list price'
                  : bp <= 0
                    ? 'None'
                    : `${formatBasisPoints(bp)} (paid ${formatCents(input.paidPriceCents)} of ${formatCents(input.listPriceCents)})`}
              </dd>
            </div>
            {shown.grantPreview.credits > 0 && orderDate ? (
              <div>
                <dt>Credits expire</dt>
                <dd>
                  {formatDate(addMonthsIso(orderDate, shown.pricing.grantValidityMonths))} (
                  {shown.pricing.grantValidityMonths} months after the order date)
                </dd>
              </div>
            ) : null}
          </dl>
        </>
      )}
    </aside>
  );
}
