import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { Edition, HostingPlan } from '../../gql/graphql';
import { ErrorNotice } from '../../shared/error-notice';
import { formatNumber, formatRange } from '../../shared/format';
import { editionLabel, levelLabel, levelsLabel, licenseKindLabel } from '../../shared/labels';
import { PageHeader, Section } from '../../shared/ui/page-header';
import { EmptyState, SkeletonRows } from '../../shared/ui/states';
import { TableWrap } from '../../shared/ui/table-wrap';

const PricingQuery = graphql(`
  query Pricing {
    pricing {
      grantValidityMonths
      discountRule {
        editions
        maxDiscountPercent
      }
      grants {
        edition
        hostingPlan
        credits
        includedLevels
      }
      categories {
        category
        level
        title
        description
        prices {
          edition
          hostingPlan
          price {
            min
            max
            included
          }
        }
      }
    }
  }
`);

const EDITION_ORDER: Edition[] = ['FREE', 'OWNED', 'LEASED', 'SAAS'];
const PLAN_ORDER: (HostingPlan | null)[] = [null, 'BASIC', 'STANDARD', 'PROFESSIONAL'];

function columnKey(edition: Edition, plan: HostingPlan | null | undefined) {
  return `${edition}:${plan ?? ''}`;
}

function byEditionAndPlan(
  a: { edition: Edition; hostingPlan?: HostingPlan | null },
  b: { edition: Edition; hostingPlan?: HostingPlan | null },
) {
  const e = EDITION_ORDER.indexOf(a.edition) - EDITION_ORDER.indexOf(b.edition);
  return e !== 0
    ? e
    : PLAN_ORDER.indexOf(a.hostingPlan ?? null) - PLAN_ORDER.indexOf(b.hostingPlan ?? null);
}

/** The policy's price and grant tables, exactly as the gateway states them. */
export function PricingPage() {
  const { data, error, loading, refetch } = useQuery(PricingQuery);
  const p = data?.pricing;

  if (!p) {
    return (
      <div className="page">
        <PageHeader title="Pricing" subtitle="What tickets cost and what licenses grant." />
        {error ? (
          <ErrorNotice error={error} onRetry={() => void refetch()} />
        ) : loading ? (
          <div className="card">
            <SkeletonRows rows={10} label="Loading pricing" />
          </div>
        ) : (
          <EmptyState title="No pricing published" />
        )}
      </div>
    );
  }

  const columns = new Map<string, { edition: Edition; hostingPlan: HostingPlan | null }>();
  for (const c of p.categories)
    for (const x of c.prices)
      columns.set(columnKey(x.edition, x.hostingPlan), {
        edition: x.edition,
        hostingPlan: x.hostingPlan ?? null,
      });
  const cols = [...columns.values()].sort(byEditionAndPlan);
  const levels = [...new Set(p.categories.map((c) => c.level))].sort();
  const grants = [...p.grants].sort(byEditionAndPlan);

  return (
    <div className="page">
      <PageHeader
        title="Pricing"
        subtitle="What tickets cost in credits, and what each license grants — as the gateway applies it."
      />
      <Section title="Ticket prices (credits)" id="prices">
        <TableWrap label="ticket prices">
          <table className="table pricing-table">
            <thead>
              <tr>
                <th scope="col">Category</th>
                {cols.map((c) => (
                  <th key={columnKey(c.edition, c.hostingPlan)} scope="col" className="num">
                    {licenseKindLabel(c.edition, c.hostingPlan)}
                  </th>
                ))}
              </tr>
            </thead>
            {levels.map((level) => (
              <tbody key={level}>
                <tr className="group-row">
                  <th scope="rowgroup" colSpan={cols.length + 1}>
                    {levelLabel(level)}
                  </th>
                </tr>
                {p.categories
                  .filter((c) => c.level === level)
                  .map((c) => (
                    <tr key={c.category}>
                      <th scope="row">
                        <div>{c.title}</div>
                        {c.description ? <div className="muted small">{c.description}</div> : null}
                      </th>
                      {cols.map((col) => {
                        const cell = c.prices.find(
                          (x) =>
                            x.edition === col.edition &&
                            (x.hostingPlan ?? null) === col.hostingPlan,
                        );
                        return (
                          <td
                            key={columnKey(col.edition, col.hostingPlan)}
                            className={`num${cell?.price.included ? ' included' : ''}`}
                          >
                            {cell
                              ? formatRange(cell.price)
                                  .replace(' credits', '')
                                  .replace(' credit', '')
                              : '—'}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
              </tbody>
            ))}
          </table>
        </TableWrap>
        <p className="muted small card-body">
          Ranges are in credits; the support specialist sets the final cost inside the range.
          “Included” tickets are recorded as 0-credit charges.
        </p>
      </Section>
      <Section title="Credits granted with a license" id="grants">
        <TableWrap label="credits granted">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Edition / plan</th>
                <th scope="col" className="num">
                  Credits granted
                </th>
                <th scope="col">Support included with no charge</th>
              </tr>
            </thead>
            <tbody>
              {grants.map((g) => (
                <tr key={columnKey(g.edition, g.hostingPlan)}>
                  <th scope="row">{licenseKindLabel(g.edition, g.hostingPlan)}</th>
                  <td className="num">{formatNumber(g.credits)}</td>
                  <td>
                    {g.includedLevels.length
                      ? `Every ${levelsLabel(g.includedLevels)} category`
                      : 'None'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <ul className="rules card-body">
          <li>
            {p.discountRule.editions.map(editionLabel).join(', ')} licenses bought at a discount of
            more than {p.discountRule.maxDiscountPercent}% get no credits (exactly{' '}
            {p.discountRule.maxDiscountPercent}% still does).
          </li>
          <li>
            Granted credits expire {p.grantValidityMonths} months after the license’s order date.
            Purchased credits never expire.
          </li>
          <li>
            Credits are spent from the lot that expires soonest; lots that never expire are spent
            last.
          </li>
        </ul>
      </Section>
    </div>
  );
}
