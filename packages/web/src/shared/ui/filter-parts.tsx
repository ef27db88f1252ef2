import type { ReactNode } from 'react';

/**
 * A filter the page was opened with but has no control for (a key, say, from
 * a link elsewhere): a badge naming it, with a button that clears it.
 */
export function ClearableFilter({
  label,
  value,
  clearLabel,
  onClear,
}: {
  label: string;
  value: ReactNode;
  /** The clear button's accessible name, e.g. "Clear the key filter". */
  clearLabel: string;
  onClear: () => void;
}) {
  return (
    <div className="field">
      <span className="label">{label}</span>
      <span className="badge badge-info">
        {value}
        <button type="button" className="icon-button" aria-label={clearLabel} onClick={onClear}>
          ×
        </button>
      </span>
    </div>
  );
}

/** "Clear filters" at the end of a filter bar, for while any filter is set. */
export function ClearFiltersButton({ onClear }: { onClear: () => void }) {
  return (
    <div className="field field-end">
      <button type="button" className="button" onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}
