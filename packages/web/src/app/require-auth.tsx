import { Navigate, useLocation } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { useAuth, ViewerProvider } from './auth/auth-context';
import { ViewerQuery } from './auth/viewer';
import { AppLayout } from './layout';
import { Spinner } from '../shared/ui/states';
import { ErrorNotice } from '../shared/error-notice';
import { toAppError } from '../shared/errors';

/** The signed-in area: no key sends to sign-in; the role comes from the server. */
export function RequireAuth() {
  const { apiKey } = useAuth();
  const location = useLocation();
  const { data, error, loading, refetch } = useQuery(ViewerQuery, {
    skip: !apiKey,
    fetchPolicy: 'cache-first',
  });

  if (!apiKey || toAppError(error)?.code === 'UNAUTHENTICATED') {
    const next = location.pathname + location.search;
    return (
      <Navigate
        to={`/sign-in${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}
        replace
      />
    );
  }
  if (loading && !data) {
    return (
      <div className="center-screen">
        <Spinner label="Checking your key…" />
      </div>
    );
  }
  if (error || !data) {
    return (
      <div className="center-screen">
        <div className="narrow">
          <ErrorNotice
            error={error ?? new Error('No answer from the gateway')}
            onRetry={() => void refetch()}
          />
        </div>
      </div>
    );
  }
  return (
    <ViewerProvider value={data.me}>
      <AppLayout />
    </ViewerProvider>
  );
}
