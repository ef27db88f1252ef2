import type { FinancePageQuery } from '../../gql/graphql';

type Liability = FinancePageQuery['creditLiability'];
type Bucket = FinancePageQuery['creditBreakage'][number];

const HEADER = [
  'report',
  'as_of_or_month',
  'source',
  'currency',
  'lots',
  'credits',
  'value_minor_units',
];

// Every cell is an enum, an ISO code, an instant or an integer, so no cell
// can start a spreadsheet formula; quoting is still applied for safety.
function cell(v: string | number | null): string {
  if (v == null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The liability at its instant and the breakage by month, as one CSV (RFC 4180, CRLF). */
export function financeCsv(liability: Liability, breakage: readonly Bucket[]): string {
  const rows: (string | number | null)[][] = [HEADER];
  for (const l of liability.lines)
    rows.push(['liability', liability.asOf, l.source, l.currency, l.lots, l.credits, l.valueCents]);
  for (const b of breakage)
    rows.push(['breakage', b.month.slice(0, 7), null, b.currency, b.lots, b.credits, b.valueCents]);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
