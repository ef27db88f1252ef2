import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { FinancePageQuery } from '../../gql/graphql';
import { ErrorNotice } from '../../shared/error-notice';
import {
  dateInputToIso,
  dateInputToNextDayIso,
  formatCredits,
  formatInstantUtc,
  formatMoney,
  formatMonthKey,
  formatNumber,
  todayInput,
} from '../../shared/format';
import { lotSourceLabel } from '../../shared/labels';
import { Field } from '../../shared/ui/field';
import { PageHeader, Section } from '../../shared/ui/page-header';
import { EmptyState, SkeletonRows } from '../../shared/ui/states';
import { TableWrap } from '../../shared/ui/table-wrap';
import { downloadBlob } from '../charges/csv';
import { financeCsv } from './finance-csv';

const FinanceQuery = graphql(`
  query FinancePage($asOf: DateTimeISO, $from: DateTimeISO!, $to: DateTimeISO!) {
    creditLiability(asOf: $asOf) {
      asOf
      credits
      lines {
        source
        currency
        lots
        credits
        valueCents
      }
    }
    creditBreakage(from: $from, to: $to) {
      month
      currency
      lots
      credits
      valueCents
    }
  }
`);

type Liability = FinancePageQuery['creditLiability'];
type Bucket = FinancePageQuery['creditBreakage'][number];

function value(cents: number | null, currency: string | null): string {
  if (cents == null) return 'unknown (no payment recorded)';
  return currency ? formatMoney(cents, currency) : cents === 0 ? 'none (no cost)' : String(cents);
}

/** "YYYY-MM-DD" a year before the given one (the breakage range's default start). */
function yearBefore(day: string): string {
  return `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
}

/** ADMIN, ANALYST: prepaid credits as a liability, and breakage (issue 16). */
export function FinancePage() {
  const today = todayInput();
  const [asOfDay, setAsOfDay] = useState('');
  const [fromDay, setFromDay] = useState(yearBefore(today));
  const [toDay, setToDay] = useState(today);
  // An empty "as of" day means now; a picked day means the end of it (UTC).
  const asOf = asOfDay ? dateInputToNextDayIso(asOfDay) : null;
  const from = dateInputToIso(fromDay);
  const to = dateInputToNextDayIso(toDay);
  const rangeError = !from || !to || from >= to ? 'Pick a start before the end.' : null;
  const { data, error, loading, refetch } = useQuery(FinanceQuery, {
    variables: { asOf, from: from ?? '', to: to ?? '' },
    skip: rangeError !== null,
    fetchPolicy: 'cache-and-network',
  });
  return (
    <div className="page">
      <PageHeader
        title="Finance"
        subtitle="Unspent prepaid credits owed to customers (a liability until used), and credits that lapsed unused (breakage)."
        actions={
          data ? (
            <button
              type="button"
              className="btn"
              onClick={() =>
                downloadBlob(
                  `credit-finance_${asOfDay || today}.csv`,
                  new Blob([financeCsv(data.creditLiability, data.creditBreakage)], {
                    type: 'text/csv;charset=utf-8',
                  }),
                )
              }
            >
              Download CSV
            </button>
          ) : null
        }
      />
      <div className="filters">
        <Field label="Liability as of (end of day, UTC)" hint="Empty: now.">
          <input type="date" value={asOfDay} onChange={(e) => setAsOfDay(e.target.value)} />
        </Field>
        <Field label="Breakage from" error={rangeError}>
          <input type="date" value={fromDay} onChange={(e) => setFromDay(e.target.value)} />
        </Field>
        <Field label="Breakage to (inclusive)">
          <input type="date" value={toDay} onChange={(e) => setToDay(e.target.value)} />
        </Field>
      </div>
      {error ? <ErrorNotice error={error} onRetry={() => void refetch()} /> : null}
      {!data && loading ? (
        <div className="card">
          <SkeletonRows rows={6} label="Loading finance figures" />
        </div>
      ) : null}
      {data ? (
        <>
          <LiabilityTable liability={data.creditLiability} />
          <BreakageTable buckets={data.creditBreakage} />
        </>
      ) : null}
    </div>
  );
}

function LiabilityTable({ liability }: { liability: Liability }) {
  return (
    <Section
      id="liability"
      title={`Liability as of ${formatInstantUtc(liability.asOf)}: ${formatCredits(liability.credits)}`}
    >
      {liability.lines.length === 0 ? (
        <EmptyState title="No credits outstanding">
          No live lot held credits at that instant.
        </EmptyState>
      ) : (
        <TableWrap label="credit liability">
          <table className="table" aria-label="Credit liability">
            <thead>
              <tr>
                <th>Source</th>
                <th>Currency</th>
                <th className="num">Lots</th>
                <th className="num">Credits</th>
                <th className="num">Value</th>
              </tr>
            </thead>
            <tbody>
              {liability.lines.map((l) => (
                <tr key={`${l.source}/${l.currency ?? ''}/${l.valueCents == null ? 'x' : ''}`}>
                  <td>{lotSourceLabel(l.source)}</td>
                  <td>{l.currency ?? '—'}</td>
                  <td className="num">{formatNumber(l.lots)}</td>
                  <td className="num">{formatCredits(l.credits)}</td>
                  <td className="num">{value(l.valueCents, l.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Section>
  );
}

function BreakageTable({ buckets }: { buckets: readonly Bucket[] }) {
  return (
    <Section id="breakage" title="Breakage by month (UTC)">
      {buckets.length === 0 ? (
        <EmptyState title="Nothing lapsed">
          No lot expired with credits left in this range.
        </EmptyState>
      ) : (
        <TableWrap label="breakage by month">
          <table className="table" aria-label="Breakage by month">
            <thead>
              <tr>
                <th>Month</th>
                <th>Currency</th>
                <th className="num">Lots</th>
                <th className="num">Credits lapsed</th>
                <th className="num">Value</th>
              </tr>
            </thead>
            <tbody>
              {buckets.map((b) => (
                <tr key={`${b.month}/${b.currency ?? ''}/${b.valueCents == null ? 'x' : ''}`}>
                  <td>{formatMonthKey(b.month.slice(0, 7))}</td>
                  <td>{b.currency ?? '—'}</td>
                  <td className="num">{formatNumber(b.lots)}</td>
                  <td className="num">{formatCredits(b.credits)}</td>
                  <td className="num">{value(b.valueCents, b.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Section>
  );
}
