import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A table's box that scrolls sideways inside its card when the table is
 * wider (a phone), never the page. While it scrolls it is a named region in
 * the tab order, so a keyboard can scroll it too even when the table holds
 * no link or button; when the table fits it is a plain box and no tab stop.
 */
export function TableWrap({
  label,
  children,
}: {
  /** What the table holds, lower case: the region reads "Scrollable table: <label>". */
  label: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  // A layout effect: measured before the first paint, so the box is a
  // region from the start and never flips under a reader or a scan.
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setScrolls(box.scrollWidth > box.clientWidth);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    // Again on every size change of the box or of the table.
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className="table-wrap"
      {...(scrolls
        ? { tabIndex: 0, role: 'region', 'aria-label': `Scrollable table: ${label}` }
        : {})}
    >
      {children}
    </div>
  );
}
