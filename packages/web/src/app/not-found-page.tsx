import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { EmptyState } from '../shared/ui/states';
import { useDocumentTitle } from '../shared/ui/page-header';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <div className="page">
      <EmptyState
        title="Page not found"
        action={
          <Link className="button" to="/accounts">
            Go to accounts
          </Link>
        }
      >
        The address does not match any page of the dashboard.
      </EmptyState>
    </div>
  );
}

/** Last line of defence: a render error shows this instead of a blank screen. */
export function RouteErrorPage() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <div className="center-screen">
      <div className="narrow">
        <div className="notice notice-error" role="alert">
          <p className="notice-title">This page failed to load</p>
          <p className="notice-detail">{message}</p>
          <div className="notice-actions">
            <button
              type="button"
              className="button button-small"
              onClick={() => window.location.reload()}
            >
              Reload
            </button>
            <a className="button button-small button-ghost" href="/accounts">
              Go to accounts
            </a>
          </div>
        </div>
      </div>
    </div>
  );
}
