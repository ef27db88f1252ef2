import { useEffect, useId, type ReactNode } from 'react';

export const APP_NAME = 'Support credits';

/** The browser tab names the page: "Tickets · Support credits". */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    if (!title) return;
    const before = document.title;
    document.title = `${title} · ${APP_NAME}`;
    return () => {
      document.title = before;
    };
  }, [title]);
}

export function PageHeader({
  title,
  subtitle,
  actions,
  breadcrumb,
  documentTitle,
}: {
  title: ReactNode;
  /** The tab's title, where `title` is not plain text. */
  documentTitle?: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  breadcrumb?: ReactNode;
}) {
  useDocumentTitle(documentTitle ?? (typeof title === 'string' ? title : null));
  return (
    <header className="page-header">
      <div className="page-header-text">
        {breadcrumb ? (
          <nav aria-label="Breadcrumb" className="breadcrumb">
            {breadcrumb}
          </nav>
        ) : null}
        <h1>{title}</h1>
        {subtitle ? <p className="muted page-subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}

export function Section({
  title,
  actions,
  children,
  className,
  id,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  id?: string;
}) {
  const generated = useId();
  const headingId = id ? `${id}-heading` : generated;
  return (
    <section
      className={`card${className ? ` ${className}` : ''}`}
      aria-labelledby={headingId}
      id={id}
    >
      <div className="card-header">
        <h2 id={headingId}>{title}</h2>
        {actions ? <div className="card-actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

export function Stat({
  label,
  value,
  hint,
  tone,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: 'warning' | 'danger';
}) {
  return (
    <div className={`stat${tone ? ` stat-${tone}` : ''}`}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
      {hint ? <div className="stat-hint">{hint}</div> : null}
    </div>
  );
}
