import { useEffect, useRef } from 'react';
import type { Edition, TicketCategory } from '../../gql/graphql';
import { EDITIONS, TICKET_CATEGORIES, editionLabel } from '../../shared/labels';
import { EMPTY_FILTERS, isEmptyFilter, type ChargeFilterState } from './filters';
import { AccountSearch } from '../../shared/ui/account-search';
import { useCategoryTitle } from '../../shared/pricing';

interface Props {
  value: ChargeFilterState;
  onChange: (next: ChargeFilterState) => void;
}

function toggle<T>(xs: readonly T[], x: T): T[] {
  return xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x];
}

export function ChargeFilters({ value, onChange }: Props) {
  const categoryLabel = useCategoryTitle();
  const menu = useRef<HTMLDetailsElement>(null);
  // A disclosure used as a menu closes as a menu does: Escape (focus back on
  // its button) or a press anywhere outside it.
  useEffect(() => {
    const close = (focus: boolean) => {
      const d = menu.current;
      if (!d?.open) return;
      d.open = false;
      if (focus) d.querySelector('summary')?.focus();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && menu.current?.open) {
        e.stopPropagation();
        close(true);
      }
    };
    const onDown = (e: MouseEvent) => {
      if (menu.current && !menu.current.contains(e.target as Node)) close(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onDown);
    };
  }, []);

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
        <details className="multi" ref={menu}>
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
      <div className="field-account">
        <AccountSearch value={value.account} onChange={(id) => set('account', id)} />
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
