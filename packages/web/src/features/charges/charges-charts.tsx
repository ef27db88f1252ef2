import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMonthKey, formatNumber } from '../../shared/format';
import { useCategoryTitle } from '../../shared/pricing';

export interface Bucket {
  key: string;
  charges: number;
  credits: number;
  includedCharges: number;
  refundedCredits: number;
}

const COLORS = { charged: '#2853c7', refunded: '#e0a526' };

// Each chart is hidden from assistive technology (aria-hidden) and read as
// the table beside it; so recharts' keyboard layer is off: it would put a
// focusable SVG inside the hidden box.

function SrTable({
  caption,
  rows,
}: {
  caption: string;
  rows: { label: string; credits: number; refunded: number; charges: number }[];
}) {
  // The box is hidden, not the table: a table ignores the 1px width and
  // overflow that hide it, and so it widened the page by its own width.
  return (
    <div className="visually-hidden">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Charges</th>
            <th scope="col">Credits charged</th>
            <th scope="col">Credits refunded</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.charges}</td>
              <td>{r.credits}</td>
              <td>{r.refunded}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const tooltipFormatter = (v: unknown) => formatNumber(Number(v));

export function CreditsByMonthChart({ buckets }: { buckets: readonly Bucket[] }) {
  const rows = [...buckets]
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map((b) => ({
      label: formatMonthKey(b.key),
      credits: b.credits,
      refunded: b.refundedCredits,
      charges: b.charges,
    }));
  return (
    <figure className="chart" aria-label="Credits by month">
      <figcaption>Credits by month</figcaption>
      <div className="chart-box" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            margin={{ top: 8, right: 8, left: 0, bottom: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e3e7ee" />
            <XAxis
              dataKey="label"
              tick={{ fontSize: 12 }}
              tickLine={false}
              axisLine={{ stroke: '#c9d0db' }}
            />
            <YAxis
              allowDecimals={false}
              tick={{ fontSize: 12 }}
              tickLine={false}
              axisLine={false}
              width={44}
            />
            <Tooltip formatter={tooltipFormatter} cursor={{ fill: 'rgba(40,83,199,0.06)' }} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar
              dataKey="credits"
              name="Charged"
              fill={COLORS.charged}
              radius={[3, 3, 0, 0]}
              maxBarSize={42}
              isAnimationActive={false}
            />
            <Bar
              dataKey="refunded"
              name="Refunded"
              fill={COLORS.refunded}
              radius={[3, 3, 0, 0]}
              maxBarSize={42}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <SrTable caption="Credits by month" rows={rows} />
    </figure>
  );
}

export function CreditsByCategoryChart({ buckets }: { buckets: readonly Bucket[] }) {
  const categoryLabel = useCategoryTitle();
  const rows = [...buckets]
    .sort((a, b) => b.credits - a.credits)
    .map((b) => ({
      label: categoryLabel(b.key),
      credits: b.credits,
      refunded: b.refundedCredits,
      charges: b.charges,
    }));
  const height = Math.max(180, rows.length * 34 + 40);
  return (
    <figure className="chart" aria-label="Credits by category">
      <figcaption>Credits by category</figcaption>
      <div className="chart-box" style={{ height }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            layout="vertical"
            margin={{ top: 8, right: 16, left: 8, bottom: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e3e7ee" />
            <XAxis
              type="number"
              allowDecimals={false}
              tick={{ fontSize: 12 }}
              tickLine={false}
              axisLine={false}
            />
            <YAxis
              type="category"
              dataKey="label"
              width={170}
              tick={{ fontSize: 12 }}
              tickLine={false}
              axisLine={{ stroke: '#c9d0db' }}
              tickFormatter={(v: string) => (v.length > 26 ? `${v.slice(0, 25)}…` : v)}
            />
            <Tooltip formatter={tooltipFormatter} cursor={{ fill: 'rgba(40,83,199,0.06)' }} />
            <Bar
              dataKey="credits"
              name="Charged"
              fill={COLORS.charged}
              radius={[0, 3, 3, 0]}
              maxBarSize={22}
              isAnimationActive={false}
            />
            <Bar
              dataKey="refunded"
              name="Refunded"
              fill={COLORS.refunded}
              radius={[0, 3, 3, 0]}
              maxBarSize={22}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <SrTable caption="Credits by category" rows={rows} />
    </figure>
  );
}
