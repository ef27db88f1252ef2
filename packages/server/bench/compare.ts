// How the bench decides that two servers gave the same answer: the floor must
// give the gateway's JSON exactly (parsed, deep-equal); PostGraphile the same
// data once its names and formats are mapped to the gateway's.

/** The first path where two JSON values differ, or null when they are equal. */
export function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (a === b) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return `${at}: ${JSON.stringify(a)?.slice(0, 120)} vs ${JSON.stringify(b)?.slice(0, 120)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array vs object`;
  const ka = Object.keys(a);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length || ka.some((k) => !(k in (b as object))))
    return `${at}: keys ${ka.join(',')} vs ${kb.join(',')}`;
  for (const k of ka) {
    const d = firstDifference(
      (a as Record<string, unknown>)[k],
      (b as Record<string, unknown>)[k],
      `${at}.${k}`,
    );
    if (d) return d;
  }
  return null;
}

const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/**
 * Instants to one format (ms, UTC); cursors and __typename dropped: each
 * server has its own cursors and type names (PostGraphile's computed
 * composite types are named after their SQL types).
 */
export function comparable(v: unknown): unknown {
  if (typeof v === 'string' && ISO_INSTANT.test(v)) return new Date(v).toISOString();
  if (Array.isArray(v)) return v.map(comparable);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k !== 'endCursor' && k !== '__typename')
        .map(([k, x]) => [k, comparable(x)]),
    );
  return v;
}

/** Relations PostGraphile serves as lists (their unique indexes are partial or not constraints). */
const ONE_ROW_LISTS = new Set(['charge', 'creditLot', 'refund']);

/**
 * PostGraphile's shapes to the gateway's (its names are aliased in the
 * documents already): one-row lists to the row, the price's columns to
 * PriceRange, a statement's payload and delivery columns to the gateway's
 * Statement fields.
 */
export function fromPostgraphile(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(fromPostgraphile);
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const moved = new Set(['priceMin', 'priceMax', 'payload', 'deliveryStatus']);
  if ('deliveryStatus' in o)
    for (const k of ['attempts', 'nextAttemptAt', 'lastError']) moved.add(k);
  for (const [k, x] of Object.entries(o)) {
    if (moved.has(k)) continue;
    out[k] =
      ONE_ROW_LISTS.has(k) && Array.isArray(x)
        ? (fromPostgraphile(x[0]) ?? null)
        : fromPostgraphile(x);
  }
  if (typeof o.priceMin === 'number' && typeof o.priceMax === 'number')
    out.price = {
      min: o.priceMin,
      max: o.priceMax,
      included: o.priceMin === 0 && o.priceMax === 0,
    };
  if (o.payload && typeof o.payload === 'object') {
    const p = o.payload as Record<string, unknown>;
    Object.assign(out, {
      kind: p.kind,
      credits: p.credits,
      balanceAfter: p.balanceAfter,
      message: p.message,
    });
  }
  if ('deliveryStatus' in o)
    out.delivery = {
      status: o.deliveryStatus,
      attempts: o.attempts,
      nextAttemptAt: o.nextAttemptAt,
      lastError: o.lastError,
    };
  return out;
}
