import type { ReactNode } from 'react';
import { formatInstant, formatInstantUtc } from '../format';

/**
 * Every instant the dashboard shows: the viewer's zone, labelled, with UTC on
 * hover (and the machine-readable instant in `dateTime`). `children` replaces
 * the visible text (an age, "3 h") and keeps the same hover.
 */
export function Time({
  iso,
  children,
  timeZone,
}: {
  iso: string;
  children?: ReactNode;
  timeZone?: string;
}) {
  const local = formatInstant(iso, timeZone);
  return (
    <time
      dateTime={iso}
      title={children ? `${local} · ${formatInstantUtc(iso)}` : formatInstantUtc(iso)}
    >
      {children ?? local}
    </time>
  );
}
