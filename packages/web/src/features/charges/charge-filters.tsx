import { useEffect, useState } from 'react';
import type { Edition, TicketCategory } from '../../gql/graphql';
import { EDITIONS, TICKET_CATEGORIES, editionLabel } from '../../shared/labels';
import { EMPTY_FILTERS, isEmptyFilter, type ChargeFilterState } from './filters';
import { useCategoryTitle } from '../../shared/pricing';

interface Props {
  value: ChargeFilterState;
  onChange: (next: ChargeFilterState) => void;
  accountName?: string | null;
}

function toggle<T>(xs: readonly T[], x: T): T[] {
  return xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x];
}

export function ChargeFilters({ value, onChange, accountName }: Props) {
  const categoryLabel = useCategoryTitle();
  const [account, setAccount] = useState(value.account);
  // Follow the filter when it changes elsewhere (adjusted during render).
  const [followed, setFollowed] = useState(value.account);
  if (followed !== value.account) {
    setFollowed(value.account);
    setAccount(value.account);
  }
  useEffect(() => {
    if (account.trim() === value.account) return;
    const t = window.setTimeout(() => onChange({ ...value, account: account.trim() }), 400);
    return () => window.clearTimeout(t);
  }, [account, value, onChange]);

  const set = <K extends keyof ChargeFilterState>(k: K, v: ChargeFilterState[K]) =>
    onChange({ ...value, [k]: v });
  const categorySummary =
    value.categories.length === 0
      ? 'All categories'
      : value.categories.length === 1
        ? categoryLabel(value.categories[0]!)
        : `${value.categories.length} categories`;

  return (
    <form className="filters" aria-label="Charge filters" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="f-from">From</label>
        <input
          id="f-from"
          name="from"
          type="date"
          value={value.from}
          max={value.to || undefined}
          onChange={(e) => set('from', e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="f-to">To</label>
        <input
          id="f-to"
          name="to"
          type="date"
          value={value.to}
          min={value.from || undefined}
          onChange={(e) => set('to', e.target.value)}
        />
      </div>
      <div className="field">
        <span className="label" id="f-category-label">
          Category
        </span>
        <details className="multi">
          <summary aria-labelledby="f-category-label f-category-summary">
            <span id="f-category-summary">{categorySummary}</span>
          </summary>
          <fieldset className="multi-menu">
            <legend className="visually-hidden">Categories</legend>
            {TICKET_CATEGORIES.map((c: TicketCategory) => (
              <label key={c} className="check">
                <input
                  type="checkbox"
                  name="category"
                  value={c}
                  checked={value.categories.includes(c)}
                  onChange={() => set('categories', toggle(value.categories, c))}
                />
                {categoryLabel(c)}
              </label>
            ))}
          </fieldset>
        </details>
      </div>
      <fieldset className="field editions">
        <legend className="label">Edition</legend>
        <div className="check-row">
          {EDITIONS.map((ed: Edition) => (
            <label key={ed} className="check">
              <input
                type="checkbox"
                name="edition"
                value={ed}
                checked={value.editions.includes(ed)}
                onChange={() => set('editions', toggle(value.editions, ed))}
              />
              {editionLabel(ed)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="f-included">Included</label>
        <select
          id="f-included"
          name="included"
          value={value.included}
          onChange={(e) => set('included', e.target.value as ChargeFilterState['included'])}
        >
          <option value="">Any</option>
          <option value="true">Included only</option>
          <option value="false">Paid only</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-refunded">Refunded</label>
        <select
          id="f-refunded"
          name="refunded"
          value={value.refunded}
          onChange={(e) => set('refunded', e.target.value as ChargeFilterState['refunded'])}
        >
          <option value="">Any</option>
          <option value="true">Refunded</option>
          <option value="false">Not refunded</option>
        </select>
      </div>
      <div className="field field-account">
        <label htmlFor="f-account">Account ID</label>
        <input
          id="f-account"
          name="account"
          value={account}
          onChange={(e) => setAccount(e.target.value)}
          placeholder="Any account"
          autoComplete="off"
        />
        {accountName ? <p className="field-hint">{accountName}</p> : null}
      </div>
      <div className="filters-actions">
        <button
          type="button"
          className="button button-ghost"
          disabled={isEmptyFilter(value)}
          onClick={() => onChange(EMPTY_FILTERS)}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
