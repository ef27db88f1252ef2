import { useMemo } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { RouterProvider } from 'react-router/dom';
import { createApolloClient } from './apollo-client';
import { AuthProvider, SESSION_ENDED_EVENT } from './auth/auth-context';
import { createRouter } from './router';
import { ToastProvider } from '../shared/ui/toast';

export function App() {
  const client = useMemo(
    () =>
      createApolloClient({
        onUnauthenticated: () => window.dispatchEvent(new Event(SESSION_ENDED_EVENT)),
      }),
    [],
  );
  const router = useMemo(() => createRouter(), []);
  return (
    <ApolloProvider client={client}>
      <AuthProvider>
        <ToastProvider>
          <RouterProvider router={router} />
        </ToastProvider>
      </AuthProvider>
    </ApolloProvider>
  );
}
