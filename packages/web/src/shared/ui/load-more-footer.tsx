import type { ReactNode } from 'react';
import { formatNumber } from '../format';

interface LoadMoreFooterProps {
  /** Rows on screen; with `total`, the footer is a table footer that says "Showing N of M". */
  shown?: number;
  total?: number;
  hasMore: boolean;
  /** While the next page loads; the button is disabled so one click fetches one page. */
  loading: boolean;
  onMore: () => void;
  label: ReactNode;
}

/**
 * The end of a paginated list: a button that fetches the next page. Tables also
 * say how many rows they show and keep the footer once everything is loaded;
 * a list inside a section (no count) shows only the button, and only while
 * there is more.
 */
export function LoadMoreFooter({
  shown,
  total,
  hasMore,
  loading,
  onMore,
  label,
}: LoadMoreFooterProps) {
  const counted = shown !== undefined && total !== undefined;
  const button = hasMore ? (
    <button
      type="button"
      className={counted ? 'button' : 'button button-small'}
      disabled={loading}
      onClick={onMore}
    >
      {label}
    </button>
  ) : null;
  if (!counted) return button ? <div className="card-footer">{button}</div> : null;
  return (
    <div className="table-footer">
      <span className="muted small">
        Showing {formatNumber(shown)} of {formatNumber(total)}
      </span>
      {button}
    </div>
  );
}
