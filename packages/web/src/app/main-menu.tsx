import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * The sidebar's links and the signed-in key, behind a "Menu" button in a
 * narrow window (below 720 px; styles.css hides the button above). The
 * button says whether the menu is expanded; opening moves focus to the
 * first link; Escape closes it and gives focus back to the button; following
 * a link, or moving focus or clicking outside the sidebar, closes it.
 */
export function MainMenu({ brand, children }: { brand: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('a[href], button')?.focus();
  }, [open]);

  return (
    <aside
      ref={root}
      className="sidebar"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
      onBlur={(e) => {
        if (open && !root.current?.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <div className="sidebar-bar">
        {brand}
        <button
          ref={button}
          type="button"
          className="menu-button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="menu-icon" aria-hidden="true" />
          Menu
        </button>
      </div>
      <div
        ref={panel}
        id={panelId}
        className={open ? 'menu-panel menu-panel-open' : 'menu-panel'}
        onClick={(e) => {
          if ((e.target as Element).closest('a')) setOpen(false);
        }}
      >
        {children}
      </div>
    </aside>
  );
}
